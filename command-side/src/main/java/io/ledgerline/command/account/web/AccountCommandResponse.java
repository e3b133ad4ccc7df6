package io.ledgerline.command.account.web;

import io.ledgerline.command.web.IfMatch;
import io.ledgerline.events.AccountId;
import org.springframework.http.ResponseEntity;

/** What an accepted account command answers: the account and the version the command produced. */
public record AccountCommandResponse(String accountId, long version) {

    /** 200 with the new version as body and as ETag, for the next command's If-Match. */
    static ResponseEntity<AccountCommandResponse> ok(AccountId accountId, long version) {
        return ResponseEntity.ok().eTag(IfMatch.etagOf(version)).body(new AccountCommandResponse(accountId.value(), version));
    }
}
