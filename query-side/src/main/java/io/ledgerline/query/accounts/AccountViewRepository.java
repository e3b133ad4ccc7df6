package io.ledgerline.query.accounts;

import org.springframework.data.repository.Repository;
import java.util.Optional;

public interface AccountViewRepository extends Repository<AccountView, String> {

    Optional<AccountView> findById(String accountId);
}
