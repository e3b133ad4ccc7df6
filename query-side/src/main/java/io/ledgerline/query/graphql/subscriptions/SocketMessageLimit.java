package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.support.web.WebLimitsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * A socket's message may be as large as a request body. Tomcat's own limit, 8 KB, closed the socket 1009
 * on a {@code subscribe} just over the document limit, before the limits could answer it QUERY_TOO_LARGE;
 * a message above this one is still closed 1009, as a body above it is answered 413.
 */
@Configuration(proxyBeanMethods = false)
class SocketMessageLimit {

    @Bean
    ServletServerContainerFactoryBean graphQlSocketContainer(WebLimitsProperties limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int largest = Math.toIntExact(limits.maxRequestBody().toBytes());
        container.setMaxTextMessageBufferSize(largest);
        container.setMaxBinaryMessageBufferSize(largest);
        return container;
    }
}
