package io.egress.cli.internal.enrich;

import java.nio.file.Path;

/** The command line's RDAP cache: {@code $XDG_CACHE_HOME/egress/rdap}, else {@code ~/.cache/egress/rdap}. */
public final class RdapCacheDir {
    private RdapCacheDir() {
    }

    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("egress").resolve("rdap");
    }
}
