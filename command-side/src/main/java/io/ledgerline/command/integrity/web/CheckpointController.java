package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.CheckpointKeys;
import io.ledgerline.command.integrity.CheckpointStore;
import io.ledgerline.command.integrity.StoredCheckpoint;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnProperty(name = "ledgerline.integrity.checkpoint.enabled", havingValue = "true", matchIfMissing = true)
@Tag(name = "Audit", description = "The event store as the audit log, and time travel")
public class CheckpointController {

    static final int MAX_PAGE_SIZE = 200;

    private final DataSource dataSource;
    private final CheckpointKeys keys;
    private final CheckpointStore store = new CheckpointStore();

    public CheckpointController(DataSource dataSource, CheckpointKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    @GetMapping(path = "/api/audit/checkpoints", produces = "application/json")
    @Operation(summary = "The signed checkpoints, oldest first, and the key that checks them",
            description = "Each checkpoint's global index range, the Merkle root of the event hashes in it, the "
                    + "previous checkpoint's hash, its own hash, its Ed25519 signature over that hash and when it was "
                    + "signed; and the public key as base64 X.509 SubjectPublicKeyInfo (DER). For AUDITOR.")
    @ApiResponse(responseCode = "200", description = "One page of the checkpoints")
    public CheckpointPageResponse checkpoints(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "2147483647", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Checkpoints per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "50"))
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<StoredCheckpoint> checkpoints = store.page(connection, (long) page * size, size);
            return CheckpointPageResponse.of(page, size, store.count(connection), keys.publicKeyBase64(), checkpoints);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the checkpoints failed", e);
        }
    }
}
