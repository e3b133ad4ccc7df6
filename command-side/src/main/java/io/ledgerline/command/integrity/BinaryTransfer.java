package io.ledgerline.command.integrity;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Asks the PostgreSQL driver to send a verification's rows in binary: a statement run once is sent
 * as text otherwise, and the payloads and metadata of a million events then travel as hex, twice
 * their size, that the server encodes and the driver decodes again.
 * The driver is only on the runtime class path, so it is reached by name; another driver, or one
 * without the setting, reads the same rows as text.
 */
final class BinaryTransfer {

    private static final String PG_STATEMENT = "org.postgresql.PGStatement";

    private BinaryTransfer() {
    }

    static void prefer(PreparedStatement statement) {
        try {
            Class<?> pgStatement = Class.forName(PG_STATEMENT);
            if (statement.isWrapperFor(pgStatement)) {
                // a negative threshold prepares on the server from the first run, which is what makes it binary
                pgStatement.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pgStatement), -1);
            }
        } catch (ReflectiveOperationException | SQLException | LinkageError notThisDriver) {
            // text transfer: slower, the same rows
        }
    }
}
