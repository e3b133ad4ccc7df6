package io.ledgerline.localstack;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servers could leave behind: files in /tmp and child processes. Other builds may write
 * to /tmp at the same time, so only names the servers would use are compared.
 */
final class Leftovers {

    /**
     * What the servers would create under /tmp if their directories were not redirected: zonky's
     * scratch and data directories, PostgreSQL's socket, Elasticsearch's temp directory, native
     * libraries unpacked by JNA, snappy, zstd, lz4 and Netty, Kafka's default log dir, hsperfdata of
     * the user Elasticsearch runs as, and JVM attach sockets.
     */
    private static final Pattern SERVER_TMP_NAMES = Pattern.compile(
            "embedded-pg|epg.*|\\.s\\.PGSQL\\..*|elasticsearch-.*|jna.*|snappy-.*|libzstd-jni.*|liblz4-java.*"
                    + "|libnetty.*|kafka-logs.*|hsperfdata_nobody|\\.java_pid\\d+|\\.attach_pid\\d+");

    private final Set<String> tmpBefore = serverLikeTmpEntries();
    /** Servers shared by other test classes of this JVM (the JUnit extension's) are not ours to check. */
    private final Set<Long> childrenBefore = liveChildren();

    static Leftovers snapshot() {
        return new Leftovers();
    }

    void assertNoneSinceSnapshot() {
        Set<String> created = serverLikeTmpEntries();
        created.removeAll(tmpBefore);
        created.removeIf(Leftovers::isAttachSocketOfALiveJvm);
        assertThat(created).as("new entries in /tmp").isEmpty();
        assertThat(ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(handle -> !childrenBefore.contains(handle.pid()))
                .map(Leftovers::describe).toList())
                .as("child processes still running").isEmpty();
    }

    /** Other JVMs on the machine (mockito, build tools) attach to themselves too; only stale sockets are leftovers. */
    private static boolean isAttachSocketOfALiveJvm(String name) {
        if (!name.startsWith(".java_pid")) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(name.substring(".java_pid".length()))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<Long> liveChildren() {
        Set<Long> pids = new TreeSet<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(handle -> pids.add(handle.pid()));
        return pids;
    }

    private static String describe(ProcessHandle handle) {
        return handle.pid() + " " + handle.info().commandLine().orElse("?");
    }

    private static Set<String> serverLikeTmpEntries() {
        String[] names = new File("/tmp").list();
        List<String> all = names == null ? List.of() : Arrays.asList(names);
        Set<String> matching = new TreeSet<>();
        all.stream().filter(name -> SERVER_TMP_NAMES.matcher(name).matches()).forEach(matching::add);
        return matching;
    }
}
