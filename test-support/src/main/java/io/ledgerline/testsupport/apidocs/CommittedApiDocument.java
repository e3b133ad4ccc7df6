package io.ledgerline.testsupport.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document as committed in {@code docs/api/}: every change of the contract
 * shows in review as a change of that file, because a served document that differs from it fails
 * the service's tests. The served document is then written next to the build output, to be
 * reviewed and copied over the committed one.
 */
public final class CommittedApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    // plain scalars and long lines unbroken keep the committed file readable and its diffs small
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private static final int MOST_DIFFERENCES_SHOWN = 20;

    private final String fileName;

    /** @param fileName e.g. {@code command-side.openapi.yaml} */
    public CommittedApiDocument(String fileName) {
        this.fileName = fileName;
    }

    /** @param servedJson the document as {@code /v3/api-docs} serves it */
    public void assertServedAsCommitted(String servedJson) {
        Path committed = repositoryRoot().resolve("docs/api").resolve(fileName);
        Path actual = Path.of("target", "api-docs", fileName).toAbsolutePath();
        try {
            JsonNode served = JSON.readTree(servedJson);
            JsonNode expected = Files.exists(committed) ? YAML.readTree(committed.toFile()) : null;
            if (!served.equals(expected)) {
                Files.createDirectories(actual.getParent());
                YAML.writeValue(actual.toFile(), served);
            }
            List<String> differences = new ArrayList<>();
            differences(expected, served, "", differences);
            assertThat(differences).as("where the served OpenAPI document differs from %s (first %d places); if the "
                    + "change is intended, review and copy %s over it", committed, MOST_DIFFERENCES_SHOWN, actual)
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every published document must be: OpenAPI 3.1 with its info, licence and server, without
     * the error controller's operations, and naming each tag once.
     */
    public static void assertPublishable(String servedJson, String title) {
        try {
            JsonNode document = JSON.readTree(servedJson);
            assertThat(document.path("openapi").asText()).startsWith("3.1.");
            assertThat(document.path("info").path("title").asText()).isEqualTo(title);
            assertThat(document.path("info").path("version").asText()).isNotBlank();
            assertThat(document.path("info").path("license").path("identifier").asText()).isEqualTo("Apache-2.0");
            assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo("/");
            assertThat(document.path("paths").has("/error")).isFalse();
            List<String> tags = new ArrayList<>();
            document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
            assertThat(tags).doesNotHaveDuplicates();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON pointers of the places where the two differ, at most {@link #MOST_DIFFERENCES_SHOWN}. */
    private static void differences(JsonNode expected, JsonNode served, String at, List<String> found) {
        if (found.size() >= MOST_DIFFERENCES_SHOWN || Objects.equals(expected, served)) {
            return;
        }
        if (expected == null || served == null || !expected.isContainerNode() || !served.isContainerNode()
                || expected.getNodeType() != served.getNodeType()) {
            found.add((at.isEmpty() ? "/" : at) + (expected == null ? " (not committed)" : served == null
                    ? " (no longer served)" : " (changed)"));
            return;
        }
        Set<String> names = new TreeSet<>();
        if (expected.isObject()) {
            expected.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(expected.get(name), served.get(name), at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        found);
            }
        } else {
            for (int i = 0; i < Math.max(expected.size(), served.size()); i++) {
                differences(expected.get(i), served.get(i), at + "/" + i, found);
            }
        }
    }

    /** Tests run in their module's directory; the repository's root is the nearest parent holding docs/api. */
    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("docs"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No docs/ directory above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
