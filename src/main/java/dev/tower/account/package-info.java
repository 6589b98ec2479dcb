/** Local accounts, roles, sign-in, personal API tokens, and who may do what. Depends on no other feature. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.account;
