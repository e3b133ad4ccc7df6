package io.ledgerline.query.rebuild.web;

import io.ledgerline.query.rebuild.RebuildAlreadyRunning;
import io.ledgerline.query.rebuild.RebuildNotCancellable;
import io.ledgerline.query.rebuild.RebuildNotFound;
import io.ledgerline.query.rebuild.Rebuilder;
import io.ledgerline.query.rebuild.UnknownProjection;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin", produces = "application/json")
@Tag(name = "Rebuilds", description = "Rebuild a read model from the beginning of ledger.events without downtime")
public class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/projections/{name}/rebuild")
    @Operation(summary = "Build a new version of a read model beside the serving one; it takes over once caught up",
            description = "Names are those of GET /api/admin/projections: ledgerline-query-sql (every SQL read model), "
                    + "ledgerline-query-search-accounts, ledgerline-query-search-transactions, "
                    + "ledgerline-query-search-audit.")
    @ApiResponse(responseCode = "202", description = "Started; follow it at the Location")
    @RefusedWith({QueryErrors.PROJECTION_NOT_FOUND, QueryErrors.REBUILD_ALREADY_RUNNING, QueryErrors.SEARCH_UNAVAILABLE})
    public ResponseEntity<RebuildResponse> rebuild(@PathVariable String name) {
        try {
            RebuildResponse started = RebuildResponse.of(rebuilder.start(name));
            return ResponseEntity.accepted().location(URI.create("/api/admin/rebuilds/" + started.id())).body(started);
        } catch (UnknownProjection e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "PROJECTION_NOT_FOUND",
                    e.getMessage() + "; known: " + String.join(", ", rebuilder.projections()));
        } catch (RebuildAlreadyRunning e) {
            throw new ApiException(HttpStatus.CONFLICT, "REBUILD_ALREADY_RUNNING", e.getMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE",
                    "Elasticsearch is not reachable: " + e.getMessage());
        }
    }

    @GetMapping("/rebuilds")
    @Operation(summary = "The latest rebuilds, newest first",
            description = "The 50 started last, of every read model, ended or not.")
    @ApiResponse(responseCode = "200", description = "The rebuilds", content = @Content(
            array = @ArraySchema(maxItems = 50, schema = @Schema(implementation = RebuildResponse.class))))
    public List<RebuildResponse> rebuilds() {
        return rebuilder.latest().stream().map(RebuildResponse::of).toList();
    }

    @GetMapping("/rebuilds/{id}")
    @Operation(summary = "A rebuild's state and progress: events done and total, rate, ETA, error",
            description = "The rate and ETA are computed from the recorded progress.")
    @RefusedWith(QueryErrors.REBUILD_NOT_FOUND)
    public RebuildResponse status(@PathVariable String id) {
        requireWellFormed(id);
        return rebuilder.find(id).map(RebuildResponse::of).orElseThrow(() -> notFound(new RebuildNotFound(id)));
    }

    @PostMapping("/rebuilds/{id}/cancel")
    @Operation(summary = "Cancel a rebuild that is still building; its new version is dropped, the serving one stays",
            description = "A rebuild taking over or ended cannot be cancelled.")
    @RefusedWith({QueryErrors.REBUILD_NOT_FOUND, QueryErrors.REBUILD_NOT_CANCELLABLE})
    public RebuildResponse cancel(@PathVariable String id) {
        requireWellFormed(id);
        try {
            return RebuildResponse.of(rebuilder.cancel(id));
        } catch (RebuildNotFound e) {
            throw notFound(e);
        } catch (RebuildNotCancellable e) {
            throw new ApiException(HttpStatus.CONFLICT, "REBUILD_NOT_CANCELLABLE", e.getMessage());
        }
    }

    /** Rebuild ids are UUIDs: another id names no rebuild, and is not looked up. */
    private static void requireWellFormed(String id) {
        if (!TextRules.isWellFormedId(id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "REBUILD_NOT_FOUND", "No rebuild of that id is known");
        }
    }

    private static ApiException notFound(RebuildNotFound e) {
        return new ApiException(HttpStatus.NOT_FOUND, "REBUILD_NOT_FOUND", e.getMessage());
    }
}
