package io.ledgerline.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

class StrictUtf8RequestBodyAdviceTest {

    private final StrictUtf8RequestBodyAdvice advice = new StrictUtf8RequestBodyAdvice();

    @Test
    void passesWellFormedUtf8OnUnchanged() throws Exception {
        byte[] body = "{\"name\":\"👩🏽‍💻 Zoë\"}".getBytes(StandardCharsets.UTF_8);

        HttpInputMessage read = advice.beforeBodyRead(json(body), null, String.class, MappingJackson2HttpMessageConverter.class);

        assertThat(read.getBody().readAllBytes()).isEqualTo(body);
    }

    @Test
    void refusesOverlongEncodedSurrogatesAndStrayBytes() {
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xF0, (byte) 0x9F}}) {
            byte[] body = new byte[bad.length + 2];
            body[0] = '"';
            System.arraycopy(bad, 0, body, 1, bad.length);
            body[body.length - 1] = '"';

            assertThatThrownBy(() -> advice.beforeBodyRead(json(body), null, String.class,
                    MappingJackson2HttpMessageConverter.class)).isInstanceOf(HttpMessageNotReadableException.class);
        }
    }

    private static MockHttpInputMessage json(byte[] body) {
        MockHttpInputMessage message = new MockHttpInputMessage(body);
        message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return message;
    }
}
