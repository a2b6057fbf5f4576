package io.egress.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on tmpfs that each input is written to, for parsers that open files. */
public final class TempInput {
    private static final Path DIRECTORY = directory();

    private TempInput() {
    }

    private static Path directory() {
        try {
            Path shm = Path.of("/dev/shm");
            Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = Files.createTempDirectory(base, "egress-fuzz-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(String name, byte[] content) throws IOException {
        Path file = DIRECTORY.resolve(name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file;
    }
}
