package io.ledgerline.events.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class comment of a published type, read from its source and rendered as Markdown. The
 * contract's descriptions come from here, so that what the records say about their fields (which
 * may be null, what older revisions lacked) is said once, next to the code.
 */
final class Javadoc {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s+([^}]*)}");

    private final String markdown;

    private Javadoc(String markdown) {
        this.markdown = markdown;
    }

    static Javadoc of(Class<?> type) {
        Path source = ModulePaths.mainSources().resolve(type.getName().replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("No source for " + type.getName() + " at " + source);
        }
        return new Javadoc(render(classComment(type, read(source))));
    }

    String markdown() {
        return markdown;
    }

    /** The first sentence. */
    String summary() {
        String flat = markdown.replace('\n', ' ');
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    private static String classComment(Class<?> type, String source) {
        Matcher declaration = Pattern.compile("(?m)^public\\s+(?:final\\s+)?(?:record|class|enum|interface|@interface)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b").matcher(source);
        if (!declaration.find()) {
            throw new IllegalStateException("No declaration of " + type.getName() + " in its source");
        }
        int end = source.lastIndexOf("*/", declaration.start());
        int start = source.lastIndexOf("/**", declaration.start());
        if (start < 0 || end < start) {
            throw new IllegalStateException(type.getName() + " has no class comment");
        }
        return source.substring(start + 3, end);
    }

    private static String render(String comment) {
        List<String> lines = new ArrayList<>();
        boolean inListItem = false;
        for (String raw : comment.split("\n")) {
            String line = inlineTags(raw.replaceFirst("^\\s*\\*?", "").strip());
            if (line.startsWith("<p>")) {
                line = line.substring(3).strip();
            }
            if (line.equals("<ul>")) {
                lines.add("");
                continue;
            }
            if (line.equals("</ul>")) {
                inListItem = false;
                continue;
            }
            if (line.startsWith("<li>")) {
                inListItem = true;
                line = "- " + line.substring(4).strip();
            } else if (inListItem && !line.isEmpty()) {
                line = "  " + line;
            }
            lines.add(line.replace("</li>", ""));
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String inlineTags(String line) {
        Matcher tag = INLINE_TAG.matcher(line);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            String text = switch (tag.group(1)) {
                case "code", "value" -> "`" + tag.group(2) + "`";
                case "link", "linkplain" -> label(tag.group(2));
                default -> throw new IllegalStateException("Unknown javadoc tag in: " + line);
            };
            tag.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        tag.appendTail(out);
        return out.toString();
    }

    /** {@code Type#member() label} reads as its label, a bare reference as its type or member. */
    private static String label(String reference) {
        String[] parts = reference.strip().split("\\s+", 2);
        if (parts.length == 2) {
            return parts[1];
        }
        return parts[0].startsWith("#") ? parts[0].substring(1) : parts[0];
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
