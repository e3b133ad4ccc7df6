package io.ledgerline.command.audit;

import io.ledgerline.command.customer.CustomerDirectory;
import io.ledgerline.command.customer.CustomerStanding;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.springframework.stereotype.Component;

/**
 * A customer's name and email as the audit API shows them: opened while the customer's key exists,
 * the erasure marker once it is gone. Text stored before sealing has no key to delete; it is
 * masked as soon as the customer is erased, so that the audit API never shows an erased customer's data.
 */
@Component
public class AuditedPersonalData {

    private final PersonalDataOpener opener;
    private final CustomerDirectory customers;

    public AuditedPersonalData(PersonalDataOpener opener, CustomerDirectory customers) {
        this.opener = opener;
        this.customers = customers;
    }

    public NameAndEmail open(CustomerId owner, PersonalData name, PersonalData email) {
        boolean unsealed = !name.isSealed() || !email.isSealed();
        if (unsealed && customers.standingOf(owner) == CustomerStanding.ERASED) {
            return NameAndEmail.ERASED;
        }
        return opener.open(owner, name, email);
    }
}
