package io.ledgerline.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeerAxonApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerAxonApplication.class, args);
    }
}
