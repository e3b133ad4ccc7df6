package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification as a command-line tool, for an auditor with a copy of the command side's
 * database and no running service:
 * {@code VerifyLedger <jdbc-url> <user> [fromGlobalIndex [toGlobalIndex]]}, the password in the
 * environment variable {@value #PASSWORD}. It verifies the range in consecutive ranges of
 * {@value #RANGE} global indexes, prints the report as JSON and exits 0 when every chain holds, 1
 * when one breaks, 2 when it could not verify.
 */
public final class VerifyLedger {

    static final String PASSWORD = "LEDGERLINE_DB_PASSWORD";
    static final long RANGE = 1_000_000;

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(PASSWORD), System.out, System.err));
    }

    static int run(String[] args, String password, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 4) {
            err.println("usage: VerifyLedger <jdbc-url> <user> [fromGlobalIndex [toGlobalIndex]]  (password in $"
                    + PASSWORD + ")");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password)) {
            connection.setReadOnly(true);
            long from = args.length > 2 ? Long.parseLong(args[2]) : 0;
            long to = args.length > 3 ? Long.parseLong(args[3]) : lastGlobalIndex(connection);
            if (from < 0 || to < from) {
                err.println("the range " + from + " to " + to + " is empty or reversed");
                return 2;
            }
            VerificationReport report = verify(connection, from, to);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return report.intact() ? 0 : 1;
        } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("could not verify: " + e);
            return 2;
        }
    }

    private static VerificationReport verify(Connection connection, long from, long to) throws SQLException {
        ChainVerification verification = new ChainVerification();
        long checked = 0;
        List<ChainBreak> breaks = new ArrayList<>();
        for (long start = from; ; start += RANGE) {
            long end = to - start < RANGE ? to : start + RANGE - 1;
            VerificationReport part = verification.verify(connection, start, end);
            checked += part.eventsChecked();
            breaks.addAll(part.breaks());
            if (end == to) {
                break;
            }
        }
        return new VerificationReport(from, to, checked, breaks);
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        }
    }
}
