package io.ledgerline.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's report as {@code <name>.md} and {@code <name>.json} side by side. */
public final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    public static List<Path> write(BenchReport report, Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(baseName + ".md");
        Path json = directory.resolve(baseName + ".json");
        Files.writeString(markdown, MarkdownReport.render(report));
        JSON.writeValue(json.toFile(), report);
        return List.of(markdown, json);
    }
}
