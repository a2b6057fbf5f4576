package io.egress.enrich.geo;

import java.nio.file.Path;
import java.util.List;

/**
 * Every database file found, with its status, for the preferences page and {@code egress ip}.
 *
 * @param databases each .mmdb file found, sorted by path
 * @param searchedFolders the folders that were searched (existing or not)
 */
public record GeoCatalogue(List<GeoDatabaseInfo> databases, List<Path> searchedFolders) {

    /** Shown when no usable database exists. */
    public static final String HOW_TO_GET_ONE = "No GeoIP database found. Get the free MaxMind GeoLite2 City and ASN databases "
            + "(create a free account at maxmind.com, then run geoipupdate, which installs them in the standard folder), "
            + "or download DB-IP's free IP to City Lite and IP to ASN Lite .mmdb files from db-ip.com, "
            + "and put them in one of the searched folders, or name their folder: EGRESS_GEOIP_DIR=DIR for ./egress, "
            + "Window > GeoIP Databases... in the workbench.";

    public GeoCatalogue {
        databases = List.copyOf(databases);
        searchedFolders = List.copyOf(searchedFolders);
    }

    public List<GeoDatabaseInfo> loaded() {
        return databases.stream().filter(d -> d.status() == GeoDatabaseStatus.LOADED).toList();
    }

    public boolean hasUsableDatabase() {
        return !loaded().isEmpty();
    }

    /** A sentence for the UI when nothing is usable; empty when at least one database is loaded. */
    public String advice() {
        return hasUsableDatabase() ? "" : HOW_TO_GET_ONE;
    }
}
