package io.ledgerline.query.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An account as the query side serves it. Written only by {@link AccountProjection}. */
@Entity
@Table(name = "account_view")
public class AccountView {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "owner_name")
    private String ownerName;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "balance", nullable = false)
    private BigDecimal balance;

    @Column(name = "available_balance", nullable = false)
    private BigDecimal availableBalance;

    @Column(name = "overdraft_limit", nullable = false)
    private BigDecimal overdraftLimit;

    @Column(name = "status", nullable = false)
    private String status;

    /** The sequence of the last event applied to this row. */
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountView() {
        // for JPA
    }

    public String accountId() {
        return accountId;
    }

    public String customerId() {
        return customerId;
    }

    public String ownerName() {
        return ownerName;
    }

    public BigDecimal availableBalance() {
        return availableBalance;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal overdraftLimit() {
        return overdraftLimit;
    }

    public String status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
