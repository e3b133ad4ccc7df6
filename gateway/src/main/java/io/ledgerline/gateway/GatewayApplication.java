package io.ledgerline.gateway;

import io.ledgerline.gateway.forwarding.NodeConnections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one address clients use: it checks the token, then forwards each request to a node of the side that serves it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    static {
        // before anything opens an HttpURLConnection: the JDK reads these once
        NodeConnections.configure();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
