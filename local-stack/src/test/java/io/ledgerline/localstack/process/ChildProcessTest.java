package io.ledgerline.localstack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsAPidFileFromTheMomentTheProcessExistsUntilItHasStopped() throws Exception {
        Path pidFile = dataDirectory.resolve("pids/kafka-broker.pid");
        ChildProcess broker = ChildProcess.start("Kafka broker", List.of("bash", "-c", "sleep 300 & wait"), Map.of(),
                dataDirectory, dataDirectory.resolve("broker.log"), PidFiles.in(dataDirectory));

        assertThat(Files.readString(pidFile).strip()).isEqualTo(String.valueOf(broker.pid()));

        broker.close();

        assertThat(broker.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void forgetsThePidFileOfAProcessKilledOnPurpose() {
        Path pidFile = dataDirectory.resolve("pids/command-side.pid");
        ChildProcess service = ChildProcess.start("command-side", List.of("bash", "-c", "sleep 300 & wait"), Map.of(),
                dataDirectory, dataDirectory.resolve("command-side.log"), PidFiles.in(dataDirectory));

        service.kill();

        assertThat(pidFile).doesNotExist();
    }
}
