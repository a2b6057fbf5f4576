package io.egress.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Seed files read at fuzz time: ../shared beside the project, and fixtures inside the project. */
public final class SharedFiles {
    /** Seeds longer than this are cut: the reader's header and first records are what mutations reach. */
    public static final int MAX_SEED = 64 * 1024;

    private SharedFiles() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("egress.root", ".")).toAbsolutePath().normalize();
    }

    public static Path shared(String folder) {
        return projectRoot().resolveSibling("shared").resolve(folder);
    }

    /** Files of {@code folder} whose names end with {@code suffix}, sorted by name. */
    public static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("seed folder missing: " + folder);
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files' bytes, each cut to {@link #MAX_SEED}. */
    public static List<byte[]> seedsOf(List<Path> files) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            byte[] b = Files.readAllBytes(p);
            out.add(b.length > MAX_SEED ? Arrays.copyOf(b, MAX_SEED) : b);
        }
        return out;
    }
}
