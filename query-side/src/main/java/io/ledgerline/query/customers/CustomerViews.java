package io.ledgerline.query.customers;

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
                .query((rs, row) -> new CustomerView(rs.getString("customer_id"), rs.getString("name"),
                        rs.getString("email"), rs.getString("status"), rs.getLong("version"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
