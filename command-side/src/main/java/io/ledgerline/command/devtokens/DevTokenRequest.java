package io.ledgerline.command.devtokens;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

public record DevTokenRequest(
        @Schema(description = "The token's sub: recorded as 'user' on every event the token causes", example = "teller-1")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:@\\-]+", message = "must be letters, digits or ._:@-")
        String subject,
        @ArraySchema(arraySchema = @Schema(description = "The token's roles", example = "[\"TELLER\"]"),
                schema = @Schema(allowableValues = {"CUSTOMER", "TELLER", "PAYMENTS", "AUDITOR", "ADMIN"}))
        @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "CUSTOMER|TELLER|PAYMENTS|AUDITOR|ADMIN",
                message = "must be CUSTOMER, TELLER, PAYMENTS, AUDITOR or ADMIN") String> roles,
        @Schema(description = "The customer a CUSTOMER token belongs to", types = {"string", "null"})
        @Size(min = 1, max = 100) String customerId,
        @Schema(description = "Lifetime in seconds; 8 hours when omitted, at most 24 hours", types = {"integer", "null"},
                example = "3600")
        @Min(1) @Max(86_400) Long ttlSeconds) {
}
