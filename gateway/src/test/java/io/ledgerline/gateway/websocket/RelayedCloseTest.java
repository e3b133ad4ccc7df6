package io.ledgerline.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

class RelayedCloseTest {

    @Test
    void passesOnThePeersCodeAndReason() {
        for (int code : new int[] {1000, 1001, 1008, 1009, 1011, 4400, 4401, 4403, 4408, 4429, 4499}) {
            CloseStatus received = new CloseStatus(code, "why " + code);
            assertThat(RelayedClose.of(received)).isEqualTo(received);
        }
    }

    @Test
    void givesACloseWithoutCodeAsANormalClose() {
        assertThat(RelayedClose.of(new CloseStatus(1005))).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void givesALostConnectionAsGoingAwayForItsCodeMayNotBeSent() {
        assertThat(RelayedClose.of(new CloseStatus(1006)).getCode()).isEqualTo(1001);
        assertThat(RelayedClose.of(new CloseStatus(1015)).getCode()).isEqualTo(1001);
    }
}
