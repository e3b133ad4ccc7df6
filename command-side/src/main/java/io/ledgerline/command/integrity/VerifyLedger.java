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
 * {@code VerifyLedger [--public-key=<base64>] <jdbc-url> <user> [fromGlobalIndex [toGlobalIndex]]},
 * the password in the environment variable {@value #PASSWORD}, the checkpoints' public key (base64
 * X.509, as {@code GET /api/audit/checkpoints} answers it) in the option or in {@value #PUBLIC_KEY}.
 * It verifies the range in consecutive ranges of {@value #RANGE} global indexes, with every
 * checkpoint overlapping it, prints the report as JSON and exits 0 when everything holds, 1 when
 * something breaks, 2 when it could not verify (checkpoints in the range and no key to check them
 * included).
 */
public final class VerifyLedger {

    static final String PASSWORD = "LEDGERLINE_DB_PASSWORD";
    static final String PUBLIC_KEY = "LEDGERLINE_CHECKPOINT_PUBLIC_KEY";
    static final String PUBLIC_KEY_OPTION = "--public-key=";
    static final long RANGE = 1_000_000;

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(PASSWORD), System.getenv(PUBLIC_KEY), System.out, System.err));
    }

    static int run(String[] arguments, String password, String publicKeyFromEnvironment, PrintStream out,
            PrintStream err) {
        String publicKey = publicKeyFromEnvironment;
        List<String> args = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.startsWith(PUBLIC_KEY_OPTION)) {
                publicKey = argument.substring(PUBLIC_KEY_OPTION.length());
            } else {
                args.add(argument);
            }
        }
        if (args.size() < 2 || args.size() > 4) {
            err.println("usage: VerifyLedger [" + PUBLIC_KEY_OPTION + "<base64 X.509>] <jdbc-url> <user> "
                    + "[fromGlobalIndex [toGlobalIndex]]  (password in $" + PASSWORD + ", the checkpoints' public key "
                    + "also in $" + PUBLIC_KEY + ")");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(args.get(0), args.get(1), password)) {
            connection.setReadOnly(true);
            long from = args.size() > 2 ? Long.parseLong(args.get(2)) : 0;
            long to = args.size() > 3 ? Long.parseLong(args.get(3)) : lastGlobalIndex(connection);
            if (from < 0 || to < from) {
                err.println("the range " + from + " to " + to + " is empty or reversed");
                return 2;
            }
            CheckpointCheck checkpoints = publicKey == null || publicKey.isBlank() ? null
                    : new CheckpointCheck(CheckpointPublicKey.of(publicKey));
            if (checkpoints == null && !new CheckpointStore().overlapping(connection, from, to).isEmpty()) {
                err.println("checkpoints cover this range: give their public key (" + PUBLIC_KEY_OPTION + " or $"
                        + PUBLIC_KEY + ") to check them");
                return 2;
            }
            VerificationReport report = verify(connection, from, to, checkpoints);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return report.intact() ? 0 : 1;
        } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("could not verify: " + e);
            return 2;
        }
    }

    private static VerificationReport verify(Connection connection, long from, long to, CheckpointCheck checkpoints)
            throws SQLException {
        ChainVerification verification = new ChainVerification();
        long checked = 0;
        long checkpointsChecked = 0;
        List<ChainBreak> breaks = new ArrayList<>();
        List<CheckpointBreak> checkpointBreaks = new ArrayList<>();
        for (long start = from; ; start += RANGE) {
            long end = to - start < RANGE ? to : start + RANGE - 1;
            // a checkpoint across the boundary was checked with the range before
            VerificationReport part = verification.verify(connection, start, end, checkpoints, start == from);
            checked += part.eventsChecked();
            breaks.addAll(part.breaks());
            checkpointsChecked += part.checkpointsChecked();
            checkpointBreaks.addAll(part.checkpointBreaks());
            if (end == to) {
                break;
            }
        }
        return new VerificationReport(from, to, checked, breaks, checkpointsChecked, checkpointBreaks);
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        }
    }
}
