package io.egress.attribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a small fake {@code /proc} tree in a temporary directory: socket tables as the kernel
 * prints them (little-endian words, as on x86) and processes whose {@code fd/} entries are
 * symbolic links to {@code socket:[inode]}.
 */
final class ProcFixture {
    static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    static final String TCP6_HEADER = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private final Path root;

    ProcFixture(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("net"));
        write("stat", "cpu  1 2 3 4\nbtime 1700000000\nprocesses 42\n");
    }

    Path root() {
        return root;
    }

    /** One table line in the kernel's layout. */
    static String line(int slot, String local, String remote, int state, int uid, String inode) {
        return String.format("%4d: %s %s %02X 00000000:00000000 00:00000000 00000000 %5d        0 %s 1 0000000000000000 100 0 0 10 0%n",
                slot, local, remote, state, uid, inode);
    }

    ProcFixture table(String name, String header, String... lines) throws IOException {
        write("net/" + name, header + String.join("", lines));
        return this;
    }

    /** A process with a stat line, status, command line and fd links ("fdNumber=target"). */
    ProcFixture process(long pid, String comm, long startTicks, int uid, String... fds) throws IOException {
        Path dir = root.resolve(Long.toString(pid));
        Files.createDirectories(dir.resolve("fd"));
        StringBuilder stat = new StringBuilder(pid + " (" + comm + ") S 1");
        for (int field = 5; field <= 21; field++) {
            stat.append(" 0");
        }
        stat.append(' ').append(startTicks).append(" 0 0 0\n");
        write(pid + "/stat", stat.toString());
        write(pid + "/status", "Name:\t" + comm + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
        write(pid + "/cmdline", "/usr/bin/" + comm + "\0--flag\0");
        for (String fd : fds) {
            String[] parts = fd.split("=", 2);
            Files.createSymbolicLink(dir.resolve("fd").resolve(parts[0]), Path.of(parts[1]));
        }
        return this;
    }

    /** Points the process's {@code exe} link at the given text (e.g. ending in " (deleted)"). */
    ProcFixture exe(long pid, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(pid + "/exe"), Path.of(target));
        return this;
    }

    private void write(String relative, String text) throws IOException {
        Files.writeString(root.resolve(relative), text, StandardCharsets.US_ASCII);
    }
}
