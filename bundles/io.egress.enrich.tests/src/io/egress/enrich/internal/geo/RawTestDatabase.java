package io.egress.enrich.internal.geo;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;

import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.geo.GeoDatabaseKind;
import io.egress.enrich.geo.GeoDatabaseStatus;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves a MaxMind test database of type "Test" (records like {ip: ...}) through the product's lookup path:
 * every record becomes a network-only answer, so that the service's handling of IPv4-only, tree-less and
 * corrupt files can be tested with the shared files that have no GeoIP schema.
 */
public final class RawTestDatabase implements MmdbDatabase {
    private final Reader reader;
    private final GeoDatabaseInfo info;

    public RawTestDatabase(Path file) throws IOException {
        this.reader = new Reader(file.toFile());
        this.info = new GeoDatabaseInfo(file, reader.getMetadata().getDatabaseType(), Optional.of(Instant.EPOCH),
                Optional.of(GeoDatabaseKind.CITY), GeoDatabaseStatus.LOADED, "test");
    }

    @Override
    public GeoDatabaseInfo info() {
        return info;
    }

    @Override
    public int ipVersion() {
        return reader.getMetadata().getIpVersion();
    }

    @Override
    public Optional<GeoRecord> lookup(InetAddress address) throws IOException {
        DatabaseRecord<Object> rec = reader.getRecord(address, Object.class);
        if (rec.getData() == null) {
            return Optional.empty();
        }
        return Optional.of(GeoRecord.builder(Networks.cidr(rec.getNetwork())).build());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
