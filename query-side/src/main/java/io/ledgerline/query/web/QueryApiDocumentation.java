package io.ledgerline.query.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Documents the bearer token every query endpoint requires. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = QueryApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer; locally from POST /api/dev/tokens on the command side")
@OpenAPIDefinition(security = @SecurityRequirement(name = QueryApiDocumentation.BEARER))
class QueryApiDocumentation {

    static final String BEARER = "bearer";
}
