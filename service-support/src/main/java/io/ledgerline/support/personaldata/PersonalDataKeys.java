package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import java.util.Optional;

/** Where a customer's key is looked up; no key means the customer was erased (or never had sealed data). */
@FunctionalInterface
public interface PersonalDataKeys {

    Optional<byte[]> keyOf(CustomerId owner);
}
