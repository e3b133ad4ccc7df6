package io.ledgerline.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresIT {

    @Test
    void runsSqlInTheLedgerlineDatabasesAndLeavesNothingBehind() throws Exception {
        Leftovers leftovers = Leftovers.snapshot();
        Path workDirectory;
        long postmasterPid;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPostgres(), System.out::println)) {
            workDirectory = stack.workDirectory().root();
            assertThat(workDirectory).startsWith(Path.of(System.getProperty("user.dir"), "target", "local-stack"));
            postmasterPid = Long.parseLong(Files.readAllLines(workDirectory.resolve("postgres/data/postmaster.pid")).get(0));

            for (String database : new String[] {"ledgerline_command", "ledgerline_query"}) {
                try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(database),
                        stack.postgresUser(), stack.postgresPassword());
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE probe (id int PRIMARY KEY, label text)");
                    statement.execute("INSERT INTO probe VALUES (1, 'round trip')");
                    try (ResultSet rows = statement.executeQuery("SELECT current_database(), label, version() FROM probe")) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getString(1)).isEqualTo(database);
                        assertThat(rows.getString(2)).isEqualTo("round trip");
                        assertThat(rows.getString(3)).startsWith("PostgreSQL 17");
                    }
                }
            }
        }
        assertThat(workDirectory).doesNotExist();
        assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isEmpty();
        leftovers.assertNoneSinceSnapshot();
    }
}
