package io.ledgerline.command.audit;

import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.customer.CustomerDirectory;
import io.ledgerline.command.customer.CustomerStanding;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import io.ledgerline.support.personaldata.PersonalDataOpener.FieldValue;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A customer's personal data as the audit API shows it: opened while the customer's key exists,
 * the erasure marker once it is gone. Text stored before sealing has no key to delete; it is
 * masked as soon as the customer is erased, so that the audit API never shows an erased customer's data.
 */
@Component
public class AuditedPersonalData {

    private final PersonalDataOpener opener;
    private final CustomerDirectory customers;
    private final AccountOwners owners;

    public AuditedPersonalData(PersonalDataOpener opener, CustomerDirectory customers, AccountOwners owners) {
        this.opener = opener;
        this.customers = customers;
        this.owners = owners;
    }

    public NameAndEmail open(CustomerId owner, PersonalData name, PersonalData email) {
        boolean unsealed = !name.isSealed() || !email.isSealed();
        if (unsealed && customers.standingOf(owner) == CustomerStanding.ERASED) {
            return NameAndEmail.ERASED;
        }
        return opener.open(owner, name, email);
    }

    /**
     * The free text of a booking, in the order given; absent (null) values stay null.
     *
     * @param owner   whose key sealed it; null in events stored before sealing, which named no owner
     * @param account the account whose owner the text belongs to: it tells whose erasure masks text
     *                stored before sealing
     */
    public List<String> openText(CustomerId owner, AccountId account, List<FieldValue> values) {
        boolean unsealed = values.stream().anyMatch(value -> value.value() != null && !value.value().isSealed());
        if (unsealed && isErased(owner != null ? owner : owners.ownerOf(account).orElse(null))) {
            return values.stream().map(value -> value.value() == null ? null : PersonalDataOpener.ERASED).toList();
        }
        if (values.stream().allMatch(value -> value.value() == null)) {
            return Collections.nCopies(values.size(), null);
        }
        return opener.openAll(owner, values);
    }

    private boolean isErased(CustomerId customer) {
        return customer != null && customers.standingOf(customer) == CustomerStanding.ERASED;
    }
}
