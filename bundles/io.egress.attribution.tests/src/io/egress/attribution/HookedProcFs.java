package io.egress.attribution;

import io.egress.attribution.internal.proc.ProcFs;
import io.egress.attribution.internal.proc.RealProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A fixture file system with two failure hooks, because the tests run as root where permissions
 * cannot deny anything: a process directory that disappears the moment its fds are listed (the
 * process exited between listing and reading), and fd directories that deny access.
 */
final class HookedProcFs implements ProcFs {
    private final RealProcFs real;
    private final Set<Long> vanishWhenRead = new HashSet<>();
    private final Set<Long> denied = new HashSet<>();

    HookedProcFs(Path root) {
        this.real = new RealProcFs(root);
    }

    HookedProcFs vanishWhenRead(long pid) {
        vanishWhenRead.add(pid);
        return this;
    }

    HookedProcFs deny(long pid) {
        denied.add(pid);
        return this;
    }

    @Override
    public Path root() {
        return real.root();
    }

    @Override
    public List<String> list(String dir) throws IOException {
        for (long pid : denied) {
            if (dir.equals(pid + "/fd")) {
                throw new AccessDeniedException(real.root().resolve(dir).toString());
            }
        }
        for (long pid : vanishWhenRead) {
            if (dir.equals(pid + "/fd")) {
                deleteTree(real.root().resolve(Long.toString(pid)));
            }
        }
        return real.list(dir);
    }

    @Override
    public String readLink(String link) throws IOException {
        return real.readLink(link);
    }

    @Override
    public byte[] read(String file) throws IOException {
        return real.read(file);
    }

    @Override
    public FileId fileId(String path) throws IOException {
        return real.fileId(path);
    }

    @Override
    public FileId fileIdOutside(Path absolute) throws IOException {
        return real.fileIdOutside(absolute);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
