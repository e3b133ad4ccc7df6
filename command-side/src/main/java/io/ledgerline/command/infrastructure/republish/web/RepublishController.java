package io.ledgerline.command.infrastructure.republish.web;

import io.ledgerline.command.infrastructure.republish.RepublishStatus;
import io.ledgerline.command.infrastructure.republish.Republisher;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/admin/republish", produces = "application/json")
@Tag(name = "Administration", description = "Disaster recovery of the Kafka topic ledger.events")
public class RepublishController {

    private final Republisher republisher;

    public RepublishController(Republisher republisher) {
        this.republisher = republisher;
    }

    @PostMapping
    @Operation(summary = "Republish the event store to ledger.events",
            description = "In the background, from the global position up to the last event stored when it starts, "
                    + "in the same records and headers as the live publication; consumers drop what they already "
                    + "applied. The Location header names the republication's status.")
    @ApiResponse(responseCode = "202", description = "Started; the body is its status")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: fromPosition below 0 or not a number")
    @ApiResponse(responseCode = "409", description = "REPUBLISH_RUNNING: another republication is running")
    public ResponseEntity<RepublishStatus> republish(
            @Parameter(description = "The first global position to send again, 0 for everything")
            @RequestParam(defaultValue = "0") long fromPosition) {
        if (fromPosition < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "fromPosition must be 0 or more");
        }
        RepublishStatus started = republisher.start(fromPosition);
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                        .path("/{id}").buildAndExpand(started.republishId()).toUri())
                .body(started);
    }

    @GetMapping("/{republishId}")
    @Operation(summary = "Where a republication stands: RUNNING, COMPLETED or FAILED, events sent, last position")
    @ApiResponse(responseCode = "200", description = "Its status")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no republication is known under the id on this node")
    public RepublishStatus status(@PathVariable String republishId) {
        return republisher.status(republishId).orElseThrow(() -> new UnknownResource("republication", republishId));
    }
}
