package io.ledgerline.query.parking.web;

import io.ledgerline.query.parking.ParkedEvent;
import io.ledgerline.query.parking.ParkedEventRetrier.RetryOutcome;
import io.ledgerline.query.parking.ParkedEventRetrier;
import io.ledgerline.query.parking.ParkedEvents;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.text.PlainText;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/parked-events", produces = "application/json")
@Tag(name = "Parked events", description = "Events the projections could not apply, and retrying them")
public class ParkedEventController {

    private final ParkedEvents parkedEvents;
    private final ParkedEventRetrier retrier;

    public ParkedEventController(ParkedEvents parkedEvents, ParkedEventRetrier retrier) {
        this.parkedEvents = parkedEvents;
        this.retrier = retrier;
    }

    @GetMapping
    @Operation(summary = "List parked events, oldest first",
            description = "At most limit events, of one projection's consumer group and status if named.")
    @ApiResponse(responseCode = "200", description = "The parked events", content = @Content(
            array = @ArraySchema(maxItems = 1000, schema = @Schema(implementation = ParkedEvent.class))))
    public List<ParkedEvent> list(
            @Parameter(description = "Only this projection's consumer group") @RequestParam(required = false)
            @Size(max = 100) @PlainText String projection,
            @Parameter(description = "PARKED or RESOLVED") @RequestParam(required = false)
            @Pattern(regexp = "PARKED|RESOLVED") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return parkedEvents.list(projection, status, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one parked event with its error",
            description = "Where the record was on ledger.events, what it was if it could be read, and why it failed.")
    @RefusedWith(ErrorCodes.NOT_FOUND)
    public ParkedEvent get(@PathVariable long id) {
        return find(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Apply the parked events of this event's aggregate again, oldest first",
            description = "Stops at the first event that fails again, which stays parked with its new error.")
    @ApiResponse(responseCode = "200", description = "How many were applied, and where it stopped if it did")
    @RefusedWith({ErrorCodes.NOT_FOUND, QueryErrors.ALREADY_RESOLVED})
    public RetryOutcome retry(@PathVariable long id) {
        ParkedEvent parked = find(id);
        if (!"PARKED".equals(parked.status())) {
            throw new ApiException(HttpStatus.CONFLICT, QueryErrors.ALREADY_RESOLVED, "Parked event " + id + " was applied already");
        }
        return retrier.retry(parked);
    }

    private ParkedEvent find(long id) {
        return parkedEvents.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "No parked event " + id));
    }
}
