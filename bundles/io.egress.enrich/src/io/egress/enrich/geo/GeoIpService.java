package io.egress.enrich.geo;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassification;
import io.egress.core.net.AddressClassifier;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.internal.geo.DatabaseScanner;
import io.egress.enrich.internal.geo.GeoAnswerAssembler;
import io.egress.enrich.internal.geo.GeoRecord;
import io.egress.enrich.internal.geo.MmdbDatabase;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline GeoIP and ASN lookups in the databases found at construction. Thread-safe; cheap per
 * lookup (memory-mapped files, no network). A database that fails for an address makes that
 * address "GeoIP unavailable" for that database only; the failure is logged once per database.
 * Close it to release the files.
 */
public final class GeoIpService implements AutoCloseable {
    private static final Logger LOG = System.getLogger(GeoIpService.class.getName());

    private final List<MmdbDatabase> databases;
    private final GeoCatalogue catalogue;
    private final Set<String> failureLogged = ConcurrentHashMap.newKeySet();

    /** For tests that feed their own databases; everything else uses {@link #open(GeoIpConfig)}. */
    GeoIpService(List<MmdbDatabase> databases, GeoCatalogue catalogue) {
        this.databases = databases;
        this.catalogue = catalogue;
    }

    /** Scans the configured folders and files and opens every usable database. Never fails: problems are in the catalogue. */
    public static GeoIpService open(GeoIpConfig config) {
        DatabaseScanner.Result r = DatabaseScanner.scan(config.folders(), config.files());
        return new GeoIpService(r.loaded(), new GeoCatalogue(r.infos(), config.folders()));
    }

    public GeoCatalogue catalogue() {
        return catalogue;
    }

    /** Parses an address literal (never DNS) and looks it up. @throws IllegalArgumentException when not an address */
    public GeoAnswer lookup(String addressLiteral) {
        return lookup(IpAddresses.parse(addressLiteral.trim()));
    }

    public GeoAnswer lookup(InetAddress address) {
        byte[] raw = IpAddresses.unmapV4(address.getAddress());
        InetAddress target = IpAddresses.toInet(raw);
        String text = IpAddresses.format(raw);
        AddressClassification cls = AddressClassifier.classify(target);
        if (cls.addressClass() != AddressClass.PUBLIC) {
            return GeoAnswer.empty(text, cls, GeoLookupStatus.NOT_LOOKED_UP, List.of());
        }
        if (databases.isEmpty()) {
            return GeoAnswer.empty(text, cls, GeoLookupStatus.NO_DATABASE, List.of());
        }
        GeoAnswerAssembler answer = new GeoAnswerAssembler(text, cls);
        for (MmdbDatabase db : databases) {
            if (db.ipVersion() == 4 && raw.length == 16) {
                continue; // an IPv4-only database does not cover IPv6: not covered, not an error
            }
            try {
                db.lookup(target).filter(rec -> !coversAllOfIpv4(raw, rec)).ifPresent(rec -> answer.add(rec, db.info().asSource()));
                answer.asked();
            } catch (Exception e) {
                // any exception here is the reader meeting a corrupt part of the file: fail this lookup only
                answer.failed(db.info().databaseType(), db.info().file().getFileName().toString(), e);
                logOnce(db, text, e);
            }
        }
        return answer.build();
    }

    /**
     * An IPv4 lookup that lands in a record covering every IPv4 address comes from an IPv6 database without an
     * IPv4 subtree (the IPv4 space falls into ::/64 or similar): that is no real IPv4 record.
     */
    private static boolean coversAllOfIpv4(byte[] raw, GeoRecord rec) {
        return raw.length == 4 && rec.network() != null && rec.network().endsWith("/0");
    }

    private void logOnce(MmdbDatabase db, String address, Exception e) {
        if (failureLogged.add(db.info().file().toString())) {
            LOG.log(Level.WARNING, "GeoIP database " + db + " failed for " + address
                    + " (further failures of this database are not logged): " + e, e);
        }
    }

    @Override
    public void close() {
        for (MmdbDatabase db : databases) {
            try {
                db.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing " + db + " failed: " + e.getMessage(), e);
            }
        }
    }
}
