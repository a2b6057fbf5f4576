package io.egress.enrich.internal.geo;

import io.egress.enrich.geo.GeoDatabaseInfo;

import java.io.Closeable;
import java.net.InetAddress;
import java.util.Optional;

/** One loaded database. Implementations are thread-safe (the readers are). */
public interface MmdbDatabase extends Closeable {
    GeoDatabaseInfo info();

    /** 4 for IPv4-only databases, 6 otherwise. */
    int ipVersion();

    /**
     * Looks one address up. IPv4-mapped addresses must already be reduced to IPv4.
     *
     * @throws Exception anything the reader throws for a corrupt part of the file: the caller
     *         reports "GeoIP unavailable" for this address and carries on
     */
    Optional<GeoRecord> lookup(InetAddress address) throws Exception;
}
