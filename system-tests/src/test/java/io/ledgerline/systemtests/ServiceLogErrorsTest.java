package io.ledgerline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLogErrorsTest {

    @TempDir
    Path logs;

    @Test
    void showsEachErrorEntryWithItsStackTraceAndNothingElse() throws Exception {
        Files.write(logs.resolve("query-side.log"), List.of(
                "2026-12-07T02:18:01.497Z  INFO 8114 --- [main] o.s.Boot : Started",
                "2026-12-07T02:18:02.000Z ERROR 8114 --- [exec-1] i.l.s.w.ProblemDetailsAdvice : Unexpected failure",
                "java.lang.IllegalStateException: broken",
                "\tat io.ledgerline.Some.method(Some.java:1)",
                "2026-12-07T02:18:03.000Z  WARN 8114 --- [exec-2] i.l.Some : a warning",
                "\tat io.ledgerline.NotShown.method(NotShown.java:1)"));
        Files.write(logs.resolve("gateway.log"), List.of("2026-12-07T02:18:01.497Z  INFO 1 --- [main] o.s.Boot : Started"));
        Files.write(logs.resolve("not-a-log.txt"), List.of("2026-12-07T02:18:02.000Z ERROR 1 --- [x] y : z"));

        String shown = ServiceLogErrors.in(logs);

        assertThat(shown).isEqualTo("query-side.log: 2026-12-07T02:18:02.000Z ERROR 8114 --- [exec-1] "
                + "i.l.s.w.ProblemDetailsAdvice : Unexpected failure\njava.lang.IllegalStateException: broken\n"
                + "\tat io.ledgerline.Some.method(Some.java:1)");
    }

    @Test
    void saysSoWhenNoServiceLoggedAnError() throws Exception {
        Files.write(logs.resolve("gateway.log"), List.of("2026-12-07T02:18:01.497Z  INFO 1 --- [main] o.s.Boot : Started"));

        assertThat(ServiceLogErrors.in(logs)).startsWith("no ERROR entry in ");
    }
}
