package io.ledgerline.query.web;

import io.ledgerline.support.web.apidocs.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents the bearer token every query endpoint requires, and the errors every endpoint may answer. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = QueryApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT of the configured issuer; locally from POST /api/dev/tokens on the command side")
@OpenAPIDefinition(security = @SecurityRequirement(name = QueryApiDocumentation.BEARER),
        info = @Info(title = "Ledgerline query API", version = "0.1.0",
                description = "Read models of the Ledgerline ledger, projected from its events: accounts and "
                        + "statements, customers, transfers, search, and the projections' administration. Reads "
                        + "follow the command API's writes; minVersion waits for a write to show. Every error is "
                        + "application/problem+json with a stable `code`."))
class QueryApiDocumentation {

    static final String BEARER = "bearer";

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses((path, method) -> RateLimitConfiguration.isQuery(path));
    }
}
