package io.ledgerline.query.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerViews {

    private final JdbcClient jdbc;

    CustomerViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerView> find(String customerId) {
        return jdbc.sql("SELECT * FROM customer_view WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .query((rs, row) -> customer(rs))
                .optional();
    }

    /** Many customers in one statement; those not projected are missing from the list. */
    public List<CustomerView> findAll(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM customer_view WHERE customer_id IN (:customerIds)")
                .param("customerIds", customerIds)
                .query((rs, row) -> customer(rs))
                .list();
    }

    private static CustomerView customer(ResultSet rs) throws SQLException {
        return new CustomerView(rs.getString("customer_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("status"), rs.getLong("version"), rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
