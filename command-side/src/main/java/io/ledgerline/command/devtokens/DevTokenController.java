package io.ledgerline.command.devtokens;

import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs a token for whoever asks, which is why it exists only with the development issuer: in the
 * local profile, never in production (see DevTokenConfiguration).
 */
@RestController
@ConditionalOnProperty(name = "ledgerline.security.dev-tokens.enabled", havingValue = "true")
@Tag(name = "Development tokens", description = "Local profile only: signed JWTs for trying the API")
public class DevTokenController {

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = DevTokenIssuer.PATH, consumes = "application/json", produces = "application/json")
    @SecurityRequirements
    @Operation(summary = "Get a signed development token",
            description = "Send it as 'Authorization: Bearer <token>' to both services.")
    @ApiResponse(responseCode = "200", description = "The token and when it expires")
    public DevTokenResponse issue(@Valid @RequestBody DevTokenRequest request) {
        Optional<Duration> ttl = Optional.ofNullable(request.ttlSeconds()).map(Duration::ofSeconds);
        if (ttl.isPresent() && ttl.get().compareTo(issuer.maxTtl()) > 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "ttlSeconds must be at most " + issuer.maxTtl().toSeconds());
        }
        DevTokenIssuer.IssuedToken issued = issuer.issue(request.subject(), request.roles(),
                Optional.ofNullable(request.customerId()), ttl);
        return new DevTokenResponse(issued.token(), issued.expiresAt());
    }
}
