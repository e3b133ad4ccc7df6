package io.ledgerline.query.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a list: the items, where the page is, and how many items there are in all. */
public record PageResponse<T>(@ArraySchema(maxItems = Paging.MAX_PAGE_SIZE) List<T> items,
        @Schema(minimum = "0", maximum = "9999") int page,
        @Schema(minimum = "1", maximum = "100") int size,
        @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems) {
}
