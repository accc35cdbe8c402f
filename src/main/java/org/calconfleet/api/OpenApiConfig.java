package org.calconfleet.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's head: what the API is and that every operation wants a personal API token. */
@Configuration
class OpenApiConfig {

    static final String BEARER_SCHEME = "bearerToken";

    @Bean
    OpenAPI calconOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CalCon Fleet Console API").version("v1").description("""
                        Servers, port-change rollouts and the audit trail of the CalCon Fleet Console, with the same \
                        role rules as the console (ADMIN, OPERATOR, AUDITOR, HELPDESK). Errors are RFC 9457 problem \
                        details; send Accept-Language: ja for Japanese texts."""))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ccf_…")
                        .description("A personal API token, made in the console under 'API tokens' and shown once."
                                + " It acts with its owner's current role.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
