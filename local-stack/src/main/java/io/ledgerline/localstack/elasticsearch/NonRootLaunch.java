package io.ledgerline.localstack.elasticsearch;

import io.ledgerline.localstack.process.CurrentUser;
import io.ledgerline.localstack.process.Executables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How to start Elasticsearch, which refuses to run as root.
 *
 * <p>As root, {@code unshare --user --map-user=65534 --map-group=65534} starts it in a user
 * namespace where root is mapped to uid 65534: Elasticsearch sees an ordinary user, yet keeps owner
 * access to root's files, so it can read a checkout in a private directory (CI clones into a
 * mode-700 mktemp directory). The uid must be mapped, not merely unmapped: Elasticsearch attaches
 * an agent to itself, and the JVM's attach listener chowns its socket to the effective uid, which
 * fails for an unmapped one. Where user namespaces are not
 * available, {@code runuser -u nobody} with the work directory handed to nobody is the fallback;
 * that needs the distribution to be readable by nobody. Other users start it directly.
 */
enum NonRootLaunch {

    DIRECT,
    USER_NAMESPACE,
    RUNUSER_NOBODY;

    private static final List<String> USER_NAMESPACE_PREFIX =
            List.of("unshare", "--user", "--map-user=65534", "--map-group=65534");

    /** Forces a launch mode (direct, user-namespace, runuser-nobody), for machines where detection guesses wrong. */
    static final String OVERRIDE_PROPERTY = "ledgerline.elasticsearch.launch";

    static NonRootLaunch forCurrentUser() {
        String override = System.getProperty(OVERRIDE_PROPERTY, "").trim();
        if (!override.isEmpty()) {
            return valueOf(override.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        if (!CurrentUser.isRoot()) {
            return DIRECT;
        }
        if (userNamespacesWork()) {
            return USER_NAMESPACE;
        }
        if (Executables.onPath("runuser")) {
            return RUNUSER_NOBODY;
        }
        throw new IllegalStateException("Elasticsearch refuses to run as root, and neither 'unshare --user' "
                + "(util-linux 2.38+) nor 'runuser' is available: run the build as an ordinary user");
    }

    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        switch (this) {
            case USER_NAMESPACE -> wrapped.addAll(USER_NAMESPACE_PREFIX);
            case RUNUSER_NOBODY -> wrapped.addAll(List.of("runuser", "-u", "nobody", "--"));
            case DIRECT -> { }
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes the work directory writable by the user Elasticsearch will run as. */
    void handOver(Path workDirectory) {
        if (this != RUNUSER_NOBODY) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            UserPrincipal nobody = workDirectory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("nobody");
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, nobody);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand " + workDirectory + " over to user nobody", e);
        }
    }

    private static boolean userNamespacesWork() {
        if (!Executables.onPath("unshare")) {
            return false;
        }
        try {
            List<String> command = new ArrayList<>(USER_NAMESPACE_PREFIX);
            command.add("true");
            Process probe = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
