package io.ledgerline.testsupport.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A test class that no runner picks up is a test that does not exist; this fails the build when one appears. */
class EveryTestClassRunsTest {

    private static final String PROPERTY_TEST = """
            class AccountInvariantsProperties {
                @Property
                void balanceNeverBelowLimit(@ForAll int amount) {
                }
            }
            """;
    private static final String INTEGRATION_TEST = """
            class LedgerIT {
                @Test
                void works() {
                }
            }
            """;

    @Test
    void everyTestClassOfTheRepositoryIsRunBySurefireOrFailsafe() {
        assertThat(TestRunnerIncludes.unrunTestClasses(repositoryRoot()))
                .as("test classes no runner includes: rename them (*Test for unit tests, *IT for integration tests "
                        + "in a module with failsafe)")
                .isEmpty();
    }

    @Test
    void findsAPropertyTestNamedSoThatSurefireSkipsIt() {
        assertThat(TestRunnerIncludes.neverRuns("AccountInvariantsProperties", PROPERTY_TEST, true)).isTrue();
        assertThat(TestRunnerIncludes.neverRuns("AccountInvariantsTest", PROPERTY_TEST, false)).isFalse();
    }

    @Test
    void findsAnIntegrationTestInAModuleWithoutFailsafe() {
        assertThat(TestRunnerIncludes.neverRuns("LedgerIT", INTEGRATION_TEST, false)).isTrue();
        assertThat(TestRunnerIncludes.neverRuns("LedgerIT", INTEGRATION_TEST, true)).isFalse();
    }

    @Test
    void leavesAloneClassesThatDeclareNoTestsAndAbstractBases() {
        assertThat(TestRunnerIncludes.neverRuns("LedgerEventsFixture", "class LedgerEventsFixture {}", true)).isFalse();
        assertThat(TestRunnerIncludes.neverRuns("QuerySideBase",
                "abstract class QuerySideBase {\n    @Test\n    void starts() {\n    }\n}", true)).isFalse();
        assertThat(TestRunnerIncludes.neverRuns("TestConfig", "class TestConfig {\n    @TestConfiguration\n}", true))
                .isFalse();
    }

    /** Surefire runs in the module's directory; the repository's root is the nearest parent with the modules. */
    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !(Files.isRegularFile(directory.resolve("pom.xml"))
                && Files.isDirectory(directory.resolve("test-support")))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return directory;
    }
}
