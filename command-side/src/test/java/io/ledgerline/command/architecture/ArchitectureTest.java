package io.ledgerline.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.ledgerline.events.LedgerEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design rules of STYLE.md, guarded. */
class ArchitectureTest {

    private static JavaClasses ledgerline;

    @BeforeAll
    static void importClasses() {
        ledgerline = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ledgerline.events", "io.ledgerline.command");
    }

    @Test
    void sharedEventsDependOnTheJdkAndJacksonAnnotationsOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("io.ledgerline.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "org.hibernate..", "io.ledgerline.command..",
                        "com.fasterxml.jackson.databind..");
        rule.check(ledgerline);
    }

    @Test
    void aggregatesAndSagasHoldNoSpringBeansRepositoriesOrClocks() {
        // Axon's @Aggregate is itself a Spring stereotype, so annotations are not counted: calls and fields are
        ArchRule noSpring = noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().accessClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .orShould().accessClassesThat().areAnnotatedWith("org.springframework.stereotype.Component")
                .orShould().accessClassesThat().areAssignableTo(java.time.Clock.class);
        noSpring.check(ledgerline);
        ArchRule noBeanFields = noFields().that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
                .should().haveRawType(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence.."))
                .orShould().haveRawType(org.axonframework.modelling.command.Repository.class)
                .orShould().haveRawType(org.springframework.jdbc.core.JdbcTemplate.class)
                .orShould().haveRawType(java.time.Clock.class);
        noBeanFields.check(ledgerline);
        ArchRule sagaResourcesAreTransient = fields().that().areDeclaredInClassesThat()
                .areAnnotatedWith(org.axonframework.spring.stereotype.Saga.class)
                .and().haveRawType(org.axonframework.commandhandling.gateway.CommandGateway.class)
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.TRANSIENT);
        sagaResourcesAreTransient.check(ledgerline);
    }

    @Test
    void webLayersTalkToGatewaysOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(org.axonframework.spring.stereotype.Saga.class)
                .orShould().dependOnClassesThat().haveNameMatching(".*Registry")
                .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.modelling.command.Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.eventsourcing.eventstore.EventStore.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.springframework.jdbc.core.JdbcTemplate.class);
        rule.check(ledgerline);
    }

    @Test
    void noMoneyIsEverHeldAsDoubleOrFloat() {
        ArchRule rule = noFields().that().areDeclaredInClassesThat().resideInAnyPackage("io.ledgerline.events..",
                        "io.ledgerline.command.account..", "io.ledgerline.command.transfer..",
                        "io.ledgerline.command.customer..", "io.ledgerline.command.domain..")
                .should().haveRawType(double.class).orShould().haveRawType(Double.class)
                .orShould().haveRawType(float.class).orShould().haveRawType(Float.class);
        rule.check(ledgerline);
    }

    @Test
    void eventsCarryNoClockReadings() {
        ArchRule rule = noClasses().that().implement(LedgerEvent.class)
                .should().callMethod(Instant.class, "now");
        rule.check(ledgerline);
    }

    @Test
    void theDomainNeverReadsTheWallClock() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.ledgerline.events..",
                        "io.ledgerline.command.account..", "io.ledgerline.command.transfer..",
                        "io.ledgerline.command.customer..", "io.ledgerline.command.domain..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis");
        rule.check(ledgerline);
    }
}
