package io.egress.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/** Saves crashing, hanging and memory-hungry inputs (raw and minimised, as hex text) with their stack traces. */
public final class Findings {
    private final Path directory;
    private final Set<String> seen = new HashSet<>();

    public Findings(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** True when this signature is new (and was saved). */
    public synchronized boolean record(String target, String kind, String signature, byte[] raw, byte[] minimised,
            String details) throws IOException {
        if (!seen.add(target + "|" + signature)) {
            return false;
        }
        Path dir = Files.createDirectories(directory.resolve(target));
        String name = kind + "-" + Integer.toHexString(signature.hashCode());
        Files.write(dir.resolve(name + ".bin"), raw);
        Files.writeString(dir.resolve(name + ".min.hex"), HexFormat.of().formatHex(minimised) + "\n");
        Files.writeString(dir.resolve(name + ".txt"), signature + "\n" + raw.length + " bytes, minimised to "
                + minimised.length + "\n" + details);
        System.out.printf("  %s %s: %s (%d -> %d bytes) saved as %s%n", target, kind, signature, raw.length,
                minimised.length, dir.resolve(name));
        return true;
    }

    public static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
