package io.egress.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A capture file an investigation was built from.
 *
 * @param path     where the capture was when it was added (absolute)
 * @param size     its size in bytes
 * @param sha256   lower-case hex SHA-256 of its content, identifying it even when moved
 * @param embedded whether its packets are stored inside the workspace (then the workspace keeps
 *                 working when the file is gone)
 */
public record CaptureRef(Path path, long size, String sha256, boolean embedded) {
    public CaptureRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Describes an existing capture file: its size and SHA-256 are computed now. */
    public static CaptureRef of(Path file, boolean embedded) throws java.io.IOException {
        Path absolute = file.toAbsolutePath().normalize();
        return new CaptureRef(absolute, java.nio.file.Files.size(absolute), io.egress.workspace.internal.store.Sha256.of(absolute), embedded);
    }

    /** This reference with the packets embedded or not. */
    public CaptureRef withEmbedded(boolean embed) {
        return new CaptureRef(path, size, sha256, embed);
    }
}
