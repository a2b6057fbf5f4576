package io.egress.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;

import io.egress.core.net.IpAddresses;
import io.egress.tests.support.SharedData;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IPv4-mapped rows of expected_lookups.tsv exactly as the reference reader gives them (found or not, and the
 * prefix length in the IPv6 tree), read with the low-level reader and a true IPv6 address. This is why the product
 * reduces mapped addresses to IPv4 before looking them up: IPinfo Lite has no alias for ::ffff:0:0/96.
 */
class MappedProbeRawReaderTest {

    static Stream<ExpectedLookupsTest.Row> mappedRows() throws IOException {
        return ExpectedLookupsTest.rows().stream().filter(r -> r.probe().startsWith("::ffff:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappedRows")
    void rawReaderSeesTheMappedTree(ExpectedLookupsTest.Row row) throws IOException {
        InetAddress v6 = Inet6Address.getByAddress(null, IpAddresses.parseLiteral(row.probe()), -1);
        try (Reader reader = new Reader(SharedData.geoip().resolve(row.db()).toFile())) {
            DatabaseRecord<Object> rec = reader.getRecord(v6, Object.class);
            assertEquals(row.found(), rec.getData() != null, "found");
            assertEquals(row.prefix(), rec.getNetwork().getPrefixLength(), "prefix length");
        }
    }
}
