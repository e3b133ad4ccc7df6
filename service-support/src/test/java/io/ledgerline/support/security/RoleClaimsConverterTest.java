package io.ledgerline.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RoleClaimsConverterTest {

    private final RoleClaimsConverter converter = new RoleClaimsConverter("roles", "customer_id");

    @Test
    void turnsEachRoleIntoARoleAuthority() {
        CallerAuthentication authentication = convert(Map.of("roles", List.of("TELLER", "AUDITOR")));

        assertThat(authentication.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_TELLER", "ROLE_AUDITOR");
        assertThat(authentication.getName()).isEqualTo("someone");
        assertThat(authentication.caller().customerId()).isEmpty();
    }

    @Test
    void aCustomerCarriesTheirCustomerId() {
        CallerAuthentication authentication = convert(Map.of("roles", List.of("CUSTOMER"), "customer_id", "c-1"));

        assertThat(authentication.caller()).isEqualTo(
                new Caller("someone", java.util.Set.of("CUSTOMER"), Optional.of("c-1")));
        assertThat(authentication.caller().onlyCustomer(Roles.TELLER)).contains("c-1");
    }

    @Test
    void dropsTheCustomerRoleOfATokenWithoutCustomerId() {
        assertThat(convert(Map.of("roles", List.of("CUSTOMER"))).getAuthorities()).isEmpty();
        assertThat(convert(Map.of("roles", List.of("CUSTOMER"), "customer_id", " ")).getAuthorities()).isEmpty();
    }

    @Test
    void ignoresARolesClaimThatIsNoArrayOfStrings() {
        assertThat(convert(Map.of("roles", "ADMIN")).getAuthorities()).isEmpty();
        assertThat(convert(Map.of("roles", List.of(1, "ADMIN"))).getAuthorities())
                .map(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
    }

    @Test
    void staffRolesLiftTheLimitToOwnData() {
        Caller teller = new Caller("t", java.util.Set.of("TELLER", "CUSTOMER"), Optional.of("c-1"));
        assertThat(teller.onlyCustomer(Roles.TELLER)).isEmpty();
        assertThat(teller.onlyCustomer(Roles.AUDITOR)).contains("c-1");
    }

    private CallerAuthentication convert(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(jwt::claim);
        return (CallerAuthentication) converter.convert(jwt.build());
    }
}
