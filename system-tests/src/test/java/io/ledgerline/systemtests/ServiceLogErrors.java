package io.ledgerline.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ERROR entries, with their stack traces, of the services' logs. A system test that sees a 5xx
 * shows them in its failure: the servers' data directory, with the logs, is gone once the run ends.
 */
final class ServiceLogErrors {

    /** A log entry starts with its timestamp; the lines up to the next one belong to it (its stack trace). */
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
    private static final Pattern ERROR_ENTRY = Pattern.compile("^\\S+\\s+ERROR\\s.*");
    private static final int LINES_PER_ENTRY = 60;
    private static final int MAX_ENTRIES = 20;

    private ServiceLogErrors() {
    }

    static String in(Path logDirectory) {
        List<String> excerpts = new ArrayList<>();
        try (Stream<Path> logs = Files.list(logDirectory)) {
            for (Path log : logs.filter(path -> path.getFileName().toString().endsWith(".log")).sorted().toList()) {
                excerpts.addAll(errorEntries(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> shown = excerpts.size() > MAX_ENTRIES ? excerpts.subList(0, MAX_ENTRIES) : excerpts;
        return shown.isEmpty() ? "no ERROR entry in " + logDirectory
                : String.join("\n", shown) + (excerpts.size() > MAX_ENTRIES ? "\n... " + (excerpts.size() - MAX_ENTRIES)
                        + " ERROR entries more" : "");
    }

    static List<String> errorEntries(Path log) throws IOException {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        int lines = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (ENTRY.matcher(line).matches()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = ERROR_ENTRY.matcher(line).matches()
                        ? new StringBuilder(log.getFileName().toString()).append(": ").append(line) : null;
                lines = 1;
            } else if (current != null && lines++ < LINES_PER_ENTRY) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }
}
