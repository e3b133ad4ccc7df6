package io.ledgerline.bench.machine;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JFR recording's CPU samples fall: the methods on top of the sampled stacks (self time),
 * and the libraries those methods belong to. A first map of what is slow, read from the recording
 * so that every run with a profile reports it the same way.
 */
public final class HotMethods {

    private HotMethods() {
    }

    public record Share(String name, long samples, double percent) {
    }

    public record Profile(String recording, long samples, List<Share> threads, List<Share> methods,
                          List<Share> libraries, List<Share> ledgerlineFrames) {
    }

    public static Profile read(Path recording, int top) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> ledgerline = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            threads.merge(threadGroup(event), 1L, Long::sum);
            RecordedFrame topFrame = stack.getFrames().get(0);
            String className = topFrame.getMethod().getType().getName();
            methods.merge(className + "." + topFrame.getMethod().getName(), 1L, Long::sum);
            libraries.merge(library(className), 1L, Long::sum);
            stack.getFrames().stream().map(frame -> frame.getMethod().getType().getName())
                    .filter(name -> name.startsWith("io.ledgerline.")).findFirst()
                    .ifPresent(name -> ledgerline.merge(name, 1L, Long::sum));
        }
        return new Profile(recording.getFileName().toString(), samples, top(threads, samples, top), top(methods, samples, top),
                top(libraries, samples, top), top(ledgerline, samples, top));
    }

    public static boolean exists(Path recording) {
        return Files.isRegularFile(recording);
    }

    /** Threads of one pool count together: "http-nio-8081-exec-12" and "-exec-3" are both request threads. */
    static String threadGroup(RecordedEvent event) {
        String name = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    /** Groups a class by the first segments of its package: org.hibernate, com.fasterxml.jackson, java.util ... */
    static String library(String className) {
        String[] parts = className.split("\\.");
        if (parts.length <= 2) {
            return className;
        }
        int segments = switch (parts[0]) {
            case "java", "javax", "jdk", "sun" -> 2;
            default -> parts.length > 3 ? 3 : 2;
        };
        return String.join(".", List.of(parts).subList(0, segments));
    }

    private static List<Share> top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).map(entry -> new Share(entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / total))
                .toList();
    }
}
