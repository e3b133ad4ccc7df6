package io.ledgerline.support.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who makes the current request, as the bearer token says.
 *
 * @param subject    the token's {@code sub}
 * @param roles      role names without the {@code ROLE_} prefix
 * @param customerId the customer a CUSTOMER token belongs to; empty for staff
 */
public record Caller(String subject, Set<String> roles, Optional<String> customerId) {

    /** The caller of the request served on this thread; empty outside a request or without a token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? Optional.of(caller.caller()) : Optional.empty();
    }

    /** The caller of this request, whom the security filter chain has authenticated. */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated caller on this thread"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The customer whose data alone this caller may touch, or empty when one of the given staff roles
     * lets them touch anyone's. Authorization rules have let the request through already, so a caller
     * without any of these roles is a customer and carries a customer id.
     */
    public Optional<String> onlyCustomer(String... unrestrictedRoles) {
        if (Arrays.stream(unrestrictedRoles).anyMatch(this::hasRole)) {
            return Optional.empty();
        }
        return Optional.of(customerId.orElseThrow(() -> new IllegalStateException(
                "A caller limited to their own data has no customer id: " + subject)));
    }
}
