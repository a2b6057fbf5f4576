package io.egress.cli.internal.enrich;

import io.egress.enrich.geo.GeoCatalogue;
import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.geo.GeoDatabaseStatus;
import io.egress.enrich.geo.GeoIpConfig;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the commands look for GeoIP databases: only the {@code --geoip-dir} folders when any are
 * given, else the folders of {@code $EGRESS_GEOIP_DIR} (separated by {@code :}) before the standard
 * geoipupdate folders. {@code egress ip} and {@code egress workspace save} both use it.
 */
public final class GeoIpFolders {
    /** The environment variable the workbench's launcher reads too. */
    public static final String ENV = "EGRESS_GEOIP_DIR";

    private GeoIpFolders() {
    }

    public static GeoIpConfig config(List<Path> optionDirs) {
        return config(optionDirs, System.getenv(ENV));
    }

    static GeoIpConfig config(List<Path> optionDirs, String environment) {
        if (!optionDirs.isEmpty()) {
            return GeoIpConfig.onlyFolders(optionDirs);
        }
        List<Path> fromEnvironment = new ArrayList<>();
        if (environment != null) {
            for (String d : environment.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    fromEnvironment.add(Path.of(d));
                }
            }
        }
        return GeoIpConfig.withStandardFolders(fromEnvironment);
    }

    /** One {@code note:} line per database that is not used, and advice when none is usable. */
    public static void report(GeoCatalogue c, PrintStream err) {
        for (GeoDatabaseInfo d : c.databases()) {
            if (d.status() != GeoDatabaseStatus.LOADED) {
                err.println("note: " + d.file().getFileName() + ": " + d.status().name().toLowerCase(Locale.ROOT) + ": " + d.detail());
            }
        }
        if (!c.hasUsableDatabase()) {
            err.println("note: " + c.advice());
        }
    }
}
