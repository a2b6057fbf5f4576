package io.egress.enrich.geo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to look for GeoIP databases.
 *
 * @param folders folders whose {@code *.mmdb} files are used, searched in this order
 * @param files single database files
 */
public record GeoIpConfig(List<Path> folders, List<Path> files) {
    public GeoIpConfig {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
    }

    /** The analyst's folders first, then the standard geoipupdate folders of this machine. */
    public static GeoIpConfig withStandardFolders(List<Path> userFolders) {
        List<Path> all = new ArrayList<>(userFolders);
        all.addAll(StandardGeoIpFolders.forThisMachine());
        return new GeoIpConfig(all, List.of());
    }

    /** Only the given folders (tests, or an analyst who wants exactly these databases). */
    public static GeoIpConfig onlyFolders(List<Path> folders) {
        return new GeoIpConfig(folders, List.of());
    }

    public static GeoIpConfig onlyFiles(List<Path> files) {
        return new GeoIpConfig(List.of(), files);
    }
}
