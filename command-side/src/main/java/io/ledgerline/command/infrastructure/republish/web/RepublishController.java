package io.ledgerline.command.infrastructure.republish.web;

import io.ledgerline.command.infrastructure.republish.RepublishAlreadyRunning;
import io.ledgerline.command.infrastructure.republish.RepublishStatus;
import io.ledgerline.command.infrastructure.republish.Republisher;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @RefusedWith({RepublishAlreadyRunning.CODE})
    public ResponseEntity<RepublishStatusResponse> republish(
            @Parameter(description = "The first global position to send again, 0 for everything", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807", defaultValue = "0"))
            @RequestParam(defaultValue = "0") long fromPosition) {
        if (fromPosition < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "fromPosition must be 0 or more");
        }
        RepublishStatus started = republisher.start(fromPosition);
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                        .path("/{id}").buildAndExpand(started.republishId()).toUri())
                .body(RepublishStatusResponse.of(started));
    }

    @GetMapping("/{republishId}")
    @Operation(summary = "Where a republication stands", description = "RUNNING, COMPLETED or FAILED, the events sent "
            + "and the last position Kafka acknowledged. Republications are known to the node that runs them.")
    @ApiResponse(responseCode = "200", description = "Its status")
    public RepublishStatusResponse status(@PathVariable String republishId) {
        return republisher.status(republishId).map(RepublishStatusResponse::of).orElseThrow(() -> new UnknownResource("republication", republishId));
    }
}
