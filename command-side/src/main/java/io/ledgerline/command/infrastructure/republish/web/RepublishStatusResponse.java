package io.ledgerline.command.infrastructure.republish.web;

import io.ledgerline.command.infrastructure.republish.RepublishStatus;
import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

/** Where one republication stands, as the API documents it. */
@Schema(name = "RepublishStatus")
public record RepublishStatusResponse(
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String republishId,
        RepublishStatus.State state,
        @Schema(description = "The first global position sent again", minimum = "0", maximum = "9223372036854775807")
        long fromPosition,
        @Schema(description = "The event store's last position when it started; it stops there, -1 for an empty store",
                minimum = "-1", maximum = "9223372036854775807") long headPosition,
        @Schema(minimum = "0", maximum = "9223372036854775807") long eventsPublished,
        @Schema(description = "The position of the last event Kafka acknowledged, -1 before the first",
                minimum = "-1", maximum = "9223372036854775807") long lastPosition,
        @Schema(description = "Why it failed; null unless FAILED", types = {"string", "null"}, maxLength = 16_384)
        String failure) {

    static RepublishStatusResponse of(RepublishStatus status) {
        return new RepublishStatusResponse(status.republishId(), status.state(), status.fromPosition(),
                status.headPosition(), status.eventsPublished(), status.lastPosition(), status.failure());
    }
}
