package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

class SecurityRequestMatchingTest {

    private final BeanPostProcessor processor = SecurityRequestMatching.noHandlerLookupBeforeSecurity();

    @Test
    void theHandlerLookupCacheBeforeTheSecurityChainPassesRequestsOnWithoutALookup() throws Exception {
        Filter cache = new HandlerMappingIntrospector().createCacheFilter();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/accounts/a-1/deposits");
        MockFilterChain chain = new MockFilterChain();

        Filter replaced = (Filter) processor.postProcessAfterInitialization(cache, "(inner bean)#1");
        // the introspector, never initialised here, would fail on a lookup; the replacement makes none
        replaced.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(replaced).isNotSameAs(cache);
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(Collections.list(request.getAttributeNames())).isEmpty();
    }

    @Test
    void leavesEveryOtherFilterAsItIs() {
        Filter other = new CharacterEncodingFilter();
        Filter lambda = (request, response, chain) -> chain.doFilter(request, response);

        assertThat(processor.postProcessAfterInitialization(other, "characterEncodingFilter")).isSameAs(other);
        assertThat(processor.postProcessAfterInitialization(lambda, "aFilter")).isSameAs(lambda);
    }
}
