package io.ledgerline.query.reconciliation.web;

import io.ledgerline.query.reconciliation.ReconciliationReport;
import io.ledgerline.query.reconciliation.Reconciliations;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/reconciliation", produces = "application/json")
@Tag(name = "Reconciliation", description = "The read models against the event store")
public class ReconciliationController {

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @GetMapping
    @Operation(summary = "Reconciles the account read models with the event store now",
            description = "As of the event store's highest global index when the run starts: per currency the sum "
                    + "of the balances the store proves, in the SQL read model and in the accounts index, and what "
                    + "entered minus what left the ledger; and every account whose read models disagree with the "
                    + "store (counted, the first by id listed). A read model behind the position is waited for up "
                    + "to ledgerline.reconciliation.catch-up-timeout. Runs one at a time per node; a request waits "
                    + "for the run in progress. The result is also the reconciliation health component's.")
    @RefusedWith(QueryErrors.SEARCH_UNAVAILABLE)
    public ReconciliationReport reconciliation() {
        return reconciliations.reconcile();
    }
}
