package io.ledgerline.query.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.data.domain.Limit;
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

    /**
     * Accounts behind a place in the order of every account list (newest first, then by id): a page
     * that begins there holds the same accounts however many were opened since.
     */
    @Query("""
            SELECT a FROM AccountView a
            WHERE (:customerId IS NULL OR a.customerId = :customerId) AND (:status IS NULL OR a.status = :status)
              AND (a.openedAt < :openedAt OR (a.openedAt = :openedAt AND a.accountId > :accountId))
            ORDER BY a.openedAt DESC, a.accountId
            """)
    List<AccountView> after(@Param("customerId") String customerId, @Param("status") String status,
            @Param("openedAt") Instant openedAt, @Param("accountId") String accountId, Limit limit);

    /** The first accounts of each of many customers behind one place, in one statement: see {@link #after}. */
    @Query(nativeQuery = true, value = """
            SELECT account_id, customer_id, owner_name, currency, balance, available_balance, overdraft_limit,
                   status, version, opened_at, updated_at
            FROM (SELECT a.*, row_number() OVER (PARTITION BY a.customer_id ORDER BY a.opened_at DESC, a.account_id)
                             AS place
                  FROM account_view a
                  WHERE a.customer_id IN (:customerIds)
                    AND (a.opened_at < :openedAt OR (a.opened_at = :openedAt AND a.account_id > :accountId))) ranked
            WHERE place <= :limit
            ORDER BY customer_id, opened_at DESC, account_id
            """)
    List<AccountView> afterOfEach(@Param("customerIds") Collection<String> customerIds,
            @Param("openedAt") Instant openedAt, @Param("accountId") String accountId, @Param("limit") int limit);

    List<AccountView> findByAccountIdIn(Collection<String> accountIds);

    /** The accounts of one customer, which a customer's transaction search is limited to. */
    @Query("SELECT a.accountId FROM AccountView a WHERE a.customerId = :customerId")
    List<String> accountIdsOf(@Param("customerId") String customerId);

    @Query("SELECT a.version FROM AccountView a WHERE a.accountId = :accountId")
    Optional<Long> findVersion(@Param("accountId") String accountId);

    default OptionalLong versionOf(String accountId) {
        return findVersion(accountId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
