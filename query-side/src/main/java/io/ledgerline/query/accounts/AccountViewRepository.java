package io.ledgerline.query.accounts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface AccountViewRepository extends Repository<AccountView, String> {

    Optional<AccountView> findById(String accountId);

    @Query("""
            SELECT a FROM AccountView a
            WHERE (:customerId IS NULL OR a.customerId = :customerId) AND (:status IS NULL OR a.status = :status)
            """)
    Page<AccountView> search(@Param("customerId") String customerId, @Param("status") String status, Pageable page);

    /** The accounts of one customer, which a customer's transaction search is limited to. */
    @Query("SELECT a.accountId FROM AccountView a WHERE a.customerId = :customerId")
    List<String> accountIdsOf(@Param("customerId") String customerId);

    @Query("SELECT a.version FROM AccountView a WHERE a.accountId = :accountId")
    Optional<Long> findVersion(@Param("accountId") String accountId);

    default OptionalLong versionOf(String accountId) {
        return findVersion(accountId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
