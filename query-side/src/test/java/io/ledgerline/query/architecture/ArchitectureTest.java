package io.ledgerline.query.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ledgerline.query.projection.ReplayableProjection;
import io.ledgerline.query.projection.SqlBatch;
import io.ledgerline.query.projection.SqlProjector;
import io.ledgerline.query.projection.TransactionBatches;
import io.ledgerline.query.search.DeferredDocuments;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchWrites;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The query side's shape, guarded: each read model is a feature that keeps its SQL, search and
 * web parts together; the technical packages are infrastructure the features use.
 *
 * <p>What a feature offers the others is its root package ({@code io.ledgerline.query.accounts}):
 * its read repositories, views and the services other read models are built on (such as
 * {@code BookingTextOwners}). Its sub-packages ({@code accounts.search}, {@code accounts.web}) are
 * its own business; Java's visibility cannot say so across packages, these rules do.
 */
class ArchitectureTest {

    private static final String QUERY = "io.ledgerline.query";
    private static final String GRAPHQL = "graphql";
    private static final List<String> FEATURES = List.of("accounts", "statements", "customers", "transfers", "audit",
            "reconciliation", GRAPHQL);
    private static final List<String> INFRASTRUCTURE = List.of("search", "projection", "parking", "rebuild",
            "consistency", "events", "personaldata", "security", "web", "admin", "infrastructure");

    // a web endpoint reads from Elasticsearch; these are the client's reading calls
    private static final Set<String> ELASTICSEARCH_READS = Set.of("search", "get", "mget", "count", "msearch");
    // creating a missing index lets a search on a fresh node answer empty instead of failing
    private static final Set<String> SEARCH_INDEX_READS = Set.of("alias", "target", "ensureExists");

    private static JavaClasses querySide;

    @BeforeAll
    static void importClasses() {
        querySide = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(QUERY);
    }

    @Test
    void everyPackageIsAFeatureOrInfrastructure() {
        ArchRule rule = classes().that().resideOutsideOfPackage(QUERY)
                .should().resideInAnyPackage(packages(FEATURES, INFRASTRUCTURE))
                .because("a new package must say whether it is a read model or plumbing, so the rules below cover it");
        rule.check(querySide);
    }

    @Test
    void infrastructureNeverDependsOnFeatures() {
        ArchRule rule = noClasses().that().resideInAnyPackage(packages(INFRASTRUCTURE))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .because("features register themselves with the infrastructure (as beans of its interfaces), "
                        + "never the other way round");
        rule.check(querySide);
    }

    @Test
    void featuresUseEachOtherOnlyThroughTheirRootPackage() {
        ArchRule rule = classes().that().resideInAnyPackage(packages(FEATURES))
                .should(useOtherFeaturesOnlyThroughTheirRootPackage());
        rule.check(querySide);
    }

    @Test
    void webTalksOnlyToReadRepositories() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..web..", "..graphql..")
                .should().dependOnClassesThat(assignableTo(SqlProjector.class))
                .orShould().dependOnClassesThat(assignableTo(ReplayableProjection.class))
                .orShould().dependOnClassesThat(assignableTo(DeferredDocuments.class))
                .orShould().dependOnClassesThat(assignableTo(SearchWrites.class))
                .orShould().dependOnClassesThat(assignableTo(TransactionBatches.class))
                .orShould().dependOnClassesThat(assignableTo(SqlBatch.class))
                .orShould().dependOnClassesThat(assignableTo(JdbcTemplate.class))
                .orShould().dependOnClassesThat(assignableTo(NamedParameterJdbcTemplate.class))
                .orShould().dependOnClassesThat(assignableTo(JdbcClient.class))
                .orShould().dependOnClassesThat(assignableTo(DataSource.class))
                .orShould().dependOnClassesThat(assignableTo(EntityManager.class))
                .orShould().dependOnClassesThat(assignableTo(KafkaTemplate.class))
                .orShould(callOnly(ElasticsearchClient.class, ELASTICSEARCH_READS))
                .orShould(callOnly(SearchIndex.class, SEARCH_INDEX_READS));
        rule.check(querySide);
    }

    @Test
    void projectionsAreNamedProjection() {
        ArchRule rule = classes().that().areAssignableTo(SqlProjector.class)
                .or().areAssignableTo(ReplayableProjection.class)
                .and().areNotInterfaces()
                .should().haveSimpleNameEndingWith("Projection");
        rule.check(querySide);
    }

    @Test
    void noTwoClassesShareAName() {
        Map<String, List<String>> byName = querySide.stream()
                .filter(JavaClass::isTopLevelClass)
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        Map<String, List<String>> clashes = byName.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1 && !entry.getKey().equals("package-info"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(clashes).as("classes of one name in the query side").isEmpty();
    }

    private static String[] packages(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream())
                .map(name -> QUERY + "." + name + "..").toArray(String[]::new);
    }

    private static String[] packages(List<String> names) {
        return packages(names, List.of());
    }

    /** The feature a class belongs to, if it belongs to one. */
    private static Optional<String> featureOf(JavaClass type) {
        String name = type.getPackageName();
        return FEATURES.stream()
                .filter(feature -> name.equals(QUERY + "." + feature) || name.startsWith(QUERY + "." + feature + "."))
                .findFirst();
    }

    /**
     * GraphQL is a second API over the features: it answers REST's own answer types and runs REST's
     * own searches, so that the two APIs cannot drift apart; a feature's projections stay its own.
     */
    private static boolean isInReadingPart(JavaClass type, String feature) {
        return type.getPackageName().equals(QUERY + "." + feature + ".web")
                || type.getPackageName().equals(QUERY + "." + feature + ".search");
    }

    private static boolean isInFeatureRoot(JavaClass type, String feature) {
        return type.getPackageName().equals(QUERY + "." + feature);
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirRootPackage() {
        return new ArchCondition<>("use other features only through their root package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = featureOf(origin).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    featureOf(target)
                            .filter(other -> !other.equals(own) && !isInFeatureRoot(target, other))
                            .filter(other -> !(own.equals(GRAPHQL) && isInReadingPart(target, other)))
                            .ifPresent(other -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + ", an internal part of the feature " + other)));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> callOnly(Class<?> owner, Set<String> methods) {
        DescribedPredicate<JavaMethodCall> forbidden = DescribedPredicate.describe(
                "a method of " + owner.getSimpleName() + " other than " + methods,
                call -> call.getTargetOwner().isAssignableTo(owner) && !methods.contains(call.getName()));
        Function<JavaClass, List<JavaMethodCall>> forbiddenCalls = type -> type.getMethodCallsFromSelf().stream()
                .filter(forbidden).toList();
        return new ArchCondition<>("call " + forbidden.getDescription()) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaMethodCall call : forbiddenCalls.apply(origin)) {
                    events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                }
            }
        };
    }
}
