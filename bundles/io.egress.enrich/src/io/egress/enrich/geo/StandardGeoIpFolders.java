package io.egress.enrich.geo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The folders where MaxMind's {@code geoipupdate} installs databases by default, per operating system. */
public final class StandardGeoIpFolders {
    private StandardGeoIpFolders() {
    }

    /** For the running machine. */
    public static List<Path> forThisMachine() {
        return forSystem(System.getProperty("os.name", ""), System.getenv());
    }

    /**
     * @param osName the {@code os.name} system property
     * @param env the environment (Windows needs {@code ProgramData})
     */
    public static List<Path> forSystem(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> folders = new ArrayList<>();
        if (os.startsWith("windows")) {
            String programData = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            folders.add(Path.of(programData, "MaxMind", "GeoIPUpdate", "GeoIP"));
        } else if (os.startsWith("mac") || os.contains("darwin")) {
            folders.add(Path.of("/usr/local/share/GeoIP"));
            folders.add(Path.of("/opt/homebrew/var/GeoIP"));
        } else {
            folders.add(Path.of("/usr/share/GeoIP"));
            folders.add(Path.of("/var/lib/GeoIP"));
            folders.add(Path.of("/usr/local/share/GeoIP"));
        }
        return List.copyOf(folders);
    }
}
