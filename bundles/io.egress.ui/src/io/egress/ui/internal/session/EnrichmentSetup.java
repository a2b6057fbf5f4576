package io.egress.ui.internal.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.egress.enrich.details.IpDetailsService;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapService;

/**
 * Builds the workbench's enrichment services: GeoIP databases from the standard geoipupdate
 * folders plus {@code egress.geoip.dirs} (the launcher passes {@code EGRESS_GEOIP_DIR}); reverse
 * DNS and RDAP network lookups off by default, RDAP answers cached in the Egress state folder.
 */
final class EnrichmentSetup {
    private EnrichmentSetup() {
    }

    static IpDetailsService detailsService() {
        List<Path> folders = new ArrayList<>();
        String dirs = System.getProperty("egress.geoip.dirs", "");
        for (String d : dirs.split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                folders.add(Path.of(d));
            }
        }
        GeoIpService geo = GeoIpService.open(GeoIpConfig.withStandardFolders(folders));
        Path state = Path.of(System.getProperty("user.home"), ".local", "state", "egress", "rdap-cache");
        RdapService rdap = new RdapService(RdapConfig.defaults().withCacheDir(state));
        return new IpDetailsService(geo, new ReverseDnsService(ReverseDnsConfig.defaults()), rdap);
    }
}
