package io.egress.enrich.internal.geo;

import com.maxmind.db.InvalidDatabaseException;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;

import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.geo.GeoDatabaseKind;
import io.egress.enrich.geo.GeoDatabaseStatus;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds .mmdb files in folders and opens each one it can: checks the layout, reads the metadata,
 * recognises the schema. Every file found ends up in the result with a status, so that the
 * preferences page can say why a file is not used.
 */
public final class DatabaseScanner {
    private static final Logger LOG = System.getLogger(DatabaseScanner.class.getName());

    /** What scanning found: every file's info, and the databases that are open (the caller closes them). */
    public record Result(List<GeoDatabaseInfo> infos, List<MmdbDatabase> loaded) {
    }

    private DatabaseScanner() {
    }

    public static Result scan(List<Path> folders, List<Path> files) {
        Set<Path> candidates = new LinkedHashSet<>();
        for (Path folder : folders) {
            candidates.addAll(mmdbFilesIn(folder));
        }
        for (Path f : files) {
            candidates.add(f.toAbsolutePath().normalize());
        }
        List<GeoDatabaseInfo> infos = new ArrayList<>();
        List<MmdbDatabase> opened = new ArrayList<>();
        for (Path file : candidates) {
            Opened o = open(file);
            o.database().ifPresentOrElse(opened::add, () -> infos.add(o.info()));
        }
        List<MmdbDatabase> loaded = keepNewestPerType(opened, infos);
        loaded.forEach(db -> infos.add(db.info()));
        infos.sort(Comparator.comparing(i -> i.file().toString()));
        return new Result(List.copyOf(infos), List.copyOf(loaded));
    }

    private static List<Path> mmdbFilesIn(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.mmdb")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    found.add(p.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list GeoIP folder " + folder + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private record Opened(GeoDatabaseInfo info, Optional<MmdbDatabase> database) {
    }

    static Opened open(Path file) {
        MmdbLayoutCheck.Layout layout;
        try {
            layout = MmdbLayoutCheck.check(file);
        } catch (CorruptDatabaseException e) {
            LOG.log(Level.WARNING, "refusing GeoIP database " + file + ": " + e.getMessage());
            return failed(file, "", Optional.empty(), GeoDatabaseStatus.CORRUPT, "not a valid MaxMind DB: " + e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read GeoIP database " + file + ": " + e.getMessage(), e);
            return failed(file, "", Optional.empty(), GeoDatabaseStatus.UNREADABLE, "cannot be read: " + e.getMessage());
        }
        String type;
        Optional<Instant> built;
        int ipVersion;
        try (Reader probe = new Reader(file.toFile())) {
            Metadata meta = probe.getMetadata();
            type = meta.getDatabaseType() == null ? "" : meta.getDatabaseType();
            built = buildDate(meta);
            ipVersion = meta.getIpVersion();
        } catch (InvalidDatabaseException e) {
            LOG.log(Level.WARNING, "refusing GeoIP database " + file + ": " + e.getMessage());
            return failed(file, "", Optional.empty(), GeoDatabaseStatus.CORRUPT, "not a valid MaxMind DB: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the reader reports some malformed metadata as unchecked exceptions
            LOG.log(Level.WARNING, "cannot open GeoIP database " + file + ": " + e, e);
            return failed(file, "", Optional.empty(), GeoDatabaseStatus.UNREADABLE, "cannot be opened: " + e.getMessage());
        }
        Optional<GeoDatabaseKind> kind = GeoDatabaseKind.fromDatabaseType(type);
        if (kind.isEmpty()) {
            LOG.log(Level.DEBUG, "ignoring GeoIP database " + file + " of unsupported type '" + type + "'");
            return failed(file, type, built, GeoDatabaseStatus.UNSUPPORTED, "unsupported database type '" + type
                    + "': Egress reads MaxMind/DB-IP City, Country, ASN, ISP, Anonymous-IP and IPinfo Lite");
        }
        GeoDatabaseInfo info = new GeoDatabaseInfo(file, type, built, kind, GeoDatabaseStatus.LOADED, describe(kind.get()));
        try {
            MmdbRecordGuard guard = MmdbRecordGuard.open(file, layout, ipVersion);
            try {
                MmdbDatabase db = kind.get() == GeoDatabaseKind.IPINFO_LITE
                        ? new IpinfoLiteDatabase(new Reader(file.toFile()), guard, info)
                        : new MaxMindDatabase(new DatabaseReader.Builder(file.toFile()).locales(MaxMindDatabase.locales()).build(), guard, info);
                return new Opened(info, Optional.of(db));
            } catch (IOException | RuntimeException e) {
                guard.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot open GeoIP database " + file + ": " + e, e);
            return failed(file, type, built, GeoDatabaseStatus.UNREADABLE, "cannot be opened: " + e.getMessage());
        }
    }

    /** The build date; maxmind-db's Metadata throws a NullPointerException when build_epoch is missing. */
    private static Optional<Instant> buildDate(Metadata meta) throws InvalidDatabaseException {
        try {
            return Optional.ofNullable(meta.getBuildDate()).map(d -> d.toInstant());
        } catch (NullPointerException e) {
            throw new InvalidDatabaseException("the metadata has no build_epoch", e);
        }
    }

    private static Opened failed(Path file, String type, Optional<Instant> built, GeoDatabaseStatus status, String detail) {
        return new Opened(new GeoDatabaseInfo(file, type, built, GeoDatabaseKind.fromDatabaseType(type), status, detail), Optional.empty());
    }

    private static String describe(GeoDatabaseKind kind) {
        return switch (kind) {
            case CITY -> "country, subdivisions, city and position";
            case COUNTRY -> "country";
            case ASN -> "autonomous system number and organisation";
            case ISP -> "autonomous system, ISP and organisation";
            case ANONYMOUS_IP -> "VPN, proxy, Tor and hosting flags";
            case IPINFO_LITE -> "country and autonomous system (IPinfo Lite field mapping)";
        };
    }

    /** One file per database type answers: the newest build; older copies are listed as superseded and closed. */
    private static List<MmdbDatabase> keepNewestPerType(List<MmdbDatabase> opened, List<GeoDatabaseInfo> infos) {
        List<MmdbDatabase> sorted = new ArrayList<>(opened);
        sorted.sort(Comparator.comparing((MmdbDatabase d) -> d.info().buildDate().orElse(Instant.EPOCH)).reversed()
                .thenComparing(d -> d.info().file().toString()));
        List<MmdbDatabase> kept = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (MmdbDatabase db : sorted) {
            if (types.add(db.info().databaseType())) {
                kept.add(db);
                continue;
            }
            GeoDatabaseInfo i = db.info();
            infos.add(new GeoDatabaseInfo(i.file(), i.databaseType(), i.buildDate(), i.kind(), GeoDatabaseStatus.SUPERSEDED,
                    "a newer " + i.databaseType() + " database answers instead"));
            closeQuietlyLogged(db);
        }
        kept.sort(Comparator.comparing((MmdbDatabase d) -> d.info().kind().orElseThrow())
                .thenComparing(d -> d.info().databaseType().startsWith("GeoLite2") ? 1 : 0)
                .thenComparing(d -> d.info().databaseType()));
        return kept;
    }

    static void closeQuietlyLogged(MmdbDatabase db) {
        try {
            db.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing " + db + " failed: " + e.getMessage(), e);
        }
    }
}
