/**
 * Local accounts, roles, sign-in, personal API tokens, and who may do what; features add their own
 * {@link dev.tower.account.AccessRules} and token scopes. Depends on no other feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.account;
