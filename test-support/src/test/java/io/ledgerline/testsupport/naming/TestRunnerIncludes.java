package io.ledgerline.testsupport.naming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which test classes of the repository no runner picks up. Surefire runs the classes its default
 * includes name ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}); failsafe, where
 * a module's pom declares it, those named {@code IT*}, {@code *IT}, {@code *ITCase}. A class that
 * declares tests under any other name, or an integration test in a module without failsafe,
 * compiles and never runs: nothing in the build would say so.
 */
final class TestRunnerIncludes {

    private static final Pattern DECLARES_TESTS = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b",
            Pattern.MULTILINE);
    private static final Pattern ABSTRACT_CLASS = Pattern.compile("^\\s*(public\\s+)?abstract\\s+class\\s",
            Pattern.MULTILINE);
    private static final Pattern SUREFIRE = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    private static final Pattern FAILSAFE = Pattern.compile("IT.*|.*IT|.*ITCase");

    private TestRunnerIncludes() {
    }

    /** The test sources under {@code <module>/src/test/java} of every module below the root that no runner runs. */
    static List<Path> unrunTestClasses(Path repositoryRoot) {
        try (Stream<Path> modules = Files.list(repositoryRoot)) {
            return modules.filter(module -> Files.isRegularFile(module.resolve("pom.xml")))
                    .flatMap(module -> unrunIn(module).stream())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param simpleName  the class's simple name (its file's name without .java)
     * @param source      its source text
     * @param hasFailsafe whether its module runs failsafe
     */
    static boolean neverRuns(String simpleName, String source, boolean hasFailsafe) {
        if (!DECLARES_TESTS.matcher(source).find() || ABSTRACT_CLASS.matcher(source).find()) {
            return false;
        }
        boolean surefireRunsIt = SUREFIRE.matcher(simpleName).matches() && !FAILSAFE.matcher(simpleName).matches();
        boolean failsafeRunsIt = hasFailsafe && FAILSAFE.matcher(simpleName).matches();
        return !surefireRunsIt && !failsafeRunsIt;
    }

    private static List<Path> unrunIn(Path module) {
        Path tests = module.resolve("src/test/java");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        boolean hasFailsafe = read(module.resolve("pom.xml")).contains("<artifactId>maven-failsafe-plugin</artifactId>");
        try (Stream<Path> sources = Files.walk(tests)) {
            return sources.filter(source -> source.toString().endsWith(".java"))
                    .filter(source -> neverRuns(simpleNameOf(source), read(source), hasFailsafe))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleNameOf(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
