package io.egress.ui.internal.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.contexts.IEclipseContext;

import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapService;

/**
 * Builds the workbench's enrichment services and puts them into the application context: GeoIP
 * databases from the standard geoipupdate folders, {@code egress.geoip.dirs} (the launcher passes
 * {@code EGRESS_GEOIP_DIR}) and the folders the analyst added (kept in the Egress state folder);
 * reverse DNS and RDAP network lookups off by default, RDAP answers cached on disk.
 */
public final class EnrichmentSetup {
    private static final Path STATE = Path.of(System.getProperty("user.home"), ".local", "state", "egress");
    private static final Path USER_FOLDERS = STATE.resolve("geoip-folders");

    private EnrichmentSetup() {
    }

    /** (Re)creates the services from the configured folders; the previous GeoIP service is closed. */
    public static void install(IEclipseContext context) {
        GeoIpService old = context.get(GeoIpService.class);
        GeoIpService geo = GeoIpService.open(GeoIpConfig.withStandardFolders(folders()));
        RdapService rdap = new RdapService(RdapConfig.defaults().withCacheDir(STATE.resolve("rdap-cache")));
        context.set(GeoIpService.class, geo);
        context.set(IpDetailsService.class, new IpDetailsService(geo, new ReverseDnsService(ReverseDnsConfig.defaults()), rdap));
        if (old != null) {
            old.close();
        }
    }

    /** Folders searched besides the standard ones. */
    public static List<Path> folders() {
        Set<Path> folders = new LinkedHashSet<>();
        for (String d : System.getProperty("egress.geoip.dirs", "").split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                folders.add(Path.of(d));
            }
        }
        folders.addAll(userFolders());
        return new ArrayList<>(folders);
    }

    public static List<Path> userFolders() {
        if (!Files.isRegularFile(USER_FOLDERS)) {
            return List.of();
        }
        try {
            return Files.readAllLines(USER_FOLDERS, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + USER_FOLDERS, e);
        }
    }

    public static void addUserFolder(Path folder) {
        Set<Path> all = new LinkedHashSet<>(userFolders());
        all.add(folder.toAbsolutePath());
        try {
            Files.createDirectories(STATE);
            Files.write(USER_FOLDERS, all.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + USER_FOLDERS, e);
        }
    }
}
