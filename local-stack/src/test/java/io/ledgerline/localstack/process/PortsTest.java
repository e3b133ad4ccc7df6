package io.ledgerline.localstack.process;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void namesTheProcessThatHoldsARequestedPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.freeOrRequested(port, "command-side"))
                    .hasMessageContaining("Port " + port + " for command-side is already in use on 127.0.0.1")
                    .hasMessageContaining("by process " + ProcessHandle.current().pid() + " (")
                    .hasMessageContaining("choose another port");
        }
    }
}
