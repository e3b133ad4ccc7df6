package io.ledgerline.command.account.web;

import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.events.AccountId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;

/** What an accepted account command answers: the account and the version the command produced. */
public record AccountCommandResponse(@Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String accountId,
        @Schema(description = "The version the command produced: the sequence of its last event, from 0", minimum = "0",
        maximum = "9223372036854775807") long version) {

    /** 200 with the new version as body and as ETag, for the next command's If-Match. */
    static ResponseEntity<AccountCommandResponse> ok(AccountId accountId, long version) {
        return ResponseEntity.ok().eTag(IfMatch.etagOf(version)).body(new AccountCommandResponse(accountId.value(), version));
    }
}
