package io.egress.ui.internal.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace files saved or opened last, newest first, kept in one text file (a path per line)
 * in the Egress state folder beside the GeoIP folders. Thread-safe; a file that cannot be written
 * only loses the list.
 */
public final class RecentWorkspaces {
    static final int MAX = 8;
    private final Path list;

    public RecentWorkspaces(Path list) {
        this.list = list;
    }

    /** {@code ~/.local/state/egress/recent-workspaces}. */
    public static RecentWorkspaces inStateFolder() {
        return new RecentWorkspaces(Path.of(System.getProperty("user.home"), ".local", "state", "egress", "recent-workspaces"));
    }

    public synchronized List<Path> files() {
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Path::of).limit(MAX).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Takes a file off the list (one that is gone, or a test's temporary file). */
    public synchronized void remove(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        write(files().stream().filter(p -> !p.equals(absolute)).toList());
    }

    /** Puts a file first (once). */
    public synchronized void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(absolute);
        files().stream().filter(p -> !p.equals(absolute)).limit(MAX - 1L).forEach(next::add);
        write(next);
    }

    private void write(List<Path> next) {
        try {
            Files.createDirectories(list.getParent());
            Path tmp = list.resolveSibling(list.getFileName() + ".tmp");
            Files.write(tmp, next.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Files.move(tmp, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the list is a convenience: losing it must not fail a save
        }
    }
}
