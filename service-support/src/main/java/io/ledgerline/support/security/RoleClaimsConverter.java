package io.ledgerline.support.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller out of a verified JWT: the roles claim becomes {@code ROLE_<name>} authorities.
 * A CUSTOMER role without a customer id is dropped: such a token could only ever be refused, and
 * dropping it makes every rule refuse it with 403 rather than one rule forgetting to.
 */
public class RoleClaimsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String customerClaim;

    public RoleClaimsConverter(String rolesClaim, String customerClaim) {
        this.rolesClaim = rolesClaim;
        this.customerClaim = customerClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Optional<String> customerId = Optional.ofNullable(stringClaim(jwt, customerClaim)).filter(id -> !id.isBlank());
        Set<String> roles = new LinkedHashSet<>();
        for (String role : roleNames(jwt)) {
            if (!role.equals(Roles.CUSTOMER) || customerId.isPresent()) {
                roles.add(role);
            }
        }
        Caller caller = new Caller(jwt.getSubject(), Set.copyOf(roles), customerId);
        return new CallerAuthentication(jwt, roles.stream()
                .map(role -> new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role)).toList(), caller);
    }

    private List<String> roleNames(Jwt jwt) {
        Object claim = jwt.getClaims().get(rolesClaim);
        if (!(claim instanceof List<?> names)) {
            return List.of();
        }
        return names.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static String stringClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        return value instanceof String text ? text : null;
    }
}
