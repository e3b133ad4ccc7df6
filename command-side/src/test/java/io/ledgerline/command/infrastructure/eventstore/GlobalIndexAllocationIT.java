package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.localstack.junit.RealInfrastructure;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The global index must be taken from the sequence one number at a time: with Hibernate's default
 * allocation of 50, each node would hand out its own block and events would be indexed out of
 * commit order, which tracking processors can skip.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class GlobalIndexAllocationIT {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void takesTheGlobalIndexFromTheSequenceOneAtATime() {
        SequenceStyleGenerator generator = (SequenceStyleGenerator) entityManagerFactory
                .unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(DomainEventEntry.class).getGenerator();

        assertThat(generator.getDatabaseStructure().getIncrementSize()).isEqualTo(1);
        assertThat(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText())
                .isEqualTo("domain_event_entry_seq");
        assertThat(jdbc.queryForObject(
                "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
    }
}
