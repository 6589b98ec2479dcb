package dev.tower.web;

import dev.tower.account.AccessRules;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's cover page, and the bearer token scheme so Swagger UI can try requests. The document and
 * Swagger UI are public where {@code tower.public-api-docs} says so (development; TOWER_PUBLIC_API_DOCS in
 * production), and otherwise need a signed-in user like every other page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {

	@Bean
	AccessRules apiDocsAccess(@Value("${tower.public-api-docs:false}") boolean publicApiDocs) {
		return requests -> {
			if (publicApiDocs) {
				requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
			}
		};
	}

	@Bean
	OpenAPI towerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Tower API").version("v1").description("""
					Every request needs a signed-in user: a browser session, or `Authorization: Bearer <token>` with a \
					personal API token from the account page (or `tower user token NAME --name WHAT`). Reading is open \
					to every user; writing needs the admin role. Errors are RFC 9457 problem documents. The original \
					app's `/api_1_0` routes keep their JSON envelope."""))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("A personal API token (twr_…)")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
