package io.ledgerline.query.admin.web;

import io.ledgerline.query.admin.ProjectionStatus;
import io.ledgerline.query.admin.ProjectionStatusUnavailable;
import io.ledgerline.query.admin.ProjectionStatuses;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = "application/json")
@Tag(name = "Projections", description = "How far each projection is")
public class ProjectionStatusController {

    private final ProjectionStatuses statuses;

    ProjectionStatusController(ProjectionStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping
    @Operation(summary = "Every projection's position, lag in events and in seconds, and parked events",
            description = "As Kafka reports the consumer groups' committed offsets and the partitions' ends now.")
    @ApiResponse(responseCode = "200", description = "One status per projection", content = @Content(
            array = @ArraySchema(maxItems = 100, schema = @Schema(implementation = ProjectionStatus.class))))
    @RefusedWith(QueryErrors.KAFKA_UNAVAILABLE)
    public List<ProjectionStatus> projections() {
        try {
            return statuses.all();
        } catch (ProjectionStatusUnavailable e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "KAFKA_UNAVAILABLE", e.getMessage());
        }
    }
}
