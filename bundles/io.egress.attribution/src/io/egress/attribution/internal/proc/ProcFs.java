package io.egress.attribution.internal.proc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The few file operations the attribution code performs on a {@code /proc} tree. An interface so
 * that tests can point it at a fixture directory and make parts of it vanish or become unreadable
 * (as root, permissions alone cannot simulate that).
 *
 * <p>Each method throws {@link NoSuchFileException} when the entry is gone (e.g. the process
 * exited) and {@link AccessDeniedException} when it may not be read.
 */
public interface ProcFs {
    /** The root of the tree, e.g. {@code /proc}. */
    Path root();

    /** Names of the entries of a directory relative to the root. */
    List<String> list(String dir) throws IOException;

    /** The text a symbolic link points to, e.g. {@code socket:[1234]}. */
    String readLink(String link) throws IOException;

    /** A whole (small) file. */
    byte[] read(String file) throws IOException;

    /** Inode and device of what a path resolves to (following links), or throws. */
    FileId fileId(String path) throws IOException;

    /** Inode and device of an absolute path outside the tree (for comparing executables). */
    FileId fileIdOutside(Path absolute) throws IOException;

    /**
     * Identity of a file plus its hard-link count.
     *
     * @param device device number
     * @param inode  inode number (unsigned, compare with ==)
     * @param links  number of hard links, 0 for an unlinked file
     */
    record FileId(long device, long inode, int links) {
    }
}
