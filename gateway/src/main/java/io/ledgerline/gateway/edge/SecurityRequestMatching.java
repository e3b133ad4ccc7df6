package io.ledgerline.gateway.edge;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security matches the gateway's path rules with path patterns of its own instead of asking
 * Spring MVC's handler mappings. Asked, Spring MVC looked up the handler of every request before the
 * security chain (Spring Security's cache for its MVC matchers: every handler mapping, the 40-odd
 * routes, a request object for the router) and again in the matchers, only to look it up once more
 * when the request was dispatched: about a tenth of the gateway's CPU per forwarded request. With
 * every rule a path pattern nothing reads that cache, so the filter that fills it passes requests on.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRequestMatching {

    /** The rules' path strings ("/api/**", "/actuator/**", ...) become path patterns, matched as Spring MVC's routes match them. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Static: a post-processor must exist before the filters it replaces. */
    @Bean
    static BeanPostProcessor noHandlerLookupBeforeSecurity() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return isHandlerLookupCache(bean) ? passOn() : bean;
            }
        };
    }

    /** The filter HandlerMappingIntrospector.createCacheFilter() makes, which Spring Security puts before its chain. */
    static boolean isHandlerLookupCache(Object bean) {
        return bean instanceof Filter && bean.getClass().getName().startsWith(HandlerMappingIntrospector.class.getName() + "$$Lambda");
    }

    private static Filter passOn() {
        return (request, response, chain) -> chain.doFilter(request, response);
    }
}
