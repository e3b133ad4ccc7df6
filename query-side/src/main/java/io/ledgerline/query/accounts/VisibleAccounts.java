package io.ledgerline.query.accounts;

import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The accounts a request may read anything of: its own for a customer, every projected one for staff. */
@Component
public class VisibleAccounts {

    private final AccountViewRepository accounts;

    VisibleAccounts(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    /** Another customer's account is answered exactly like an unknown one. */
    public void require(String accountId) {
        // an id of a form never issued is unknown without asking the database
        if (!TextRules.isWellFormedId(accountId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No account of that id is known to the query side");
        }
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        boolean known = onlyCustomer.isEmpty() ? accounts.versionOf(accountId).isPresent()
                : accounts.findById(accountId).filter(found -> ReadAccess.visible(onlyCustomer, found.customerId())).isPresent();
        if (!known) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "No account " + accountId + " is known to the query side");
        }
    }
}
