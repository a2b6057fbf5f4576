package io.egress.enrich.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoDatabaseStatus;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.geo.GeoLookupStatus;

/**
 * Found by releng/fuzz/fuzz (target geoip, finding geoip-memory-8755b101): a damaged data record
 * whose map header claims millions of entries made maxmind-db allocate a 128 MiB map for one lookup.
 * The record is now walked with bounds before the library decodes it (MmdbRecordGuard); the
 * hostile records are built here by code, in one-node databases where every address hits them.
 */
class GeoIpRecordBoundsFuzzRegressionTest {
    /** Map, size field 31 (three size bytes follow): 65,821 + 0xffffff entries. */
    private static final byte[] HUGE_MAP = { (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x41, 'a', 0x41, 'b' };
    /** A map of one entry whose value is a pointer back to the map itself. */
    private static final byte[] CYCLE = { (byte) 0xe1, 0x41, 'k', 0x20, 0x00 };
    /** {"country_code": "XX"}: one entry, a well-formed record. */
    private static final byte[] FINE = { (byte) 0xe1, 0x4c, 'c', 'o', 'u', 'n', 't', 'r', 'y', '_', 'c', 'o', 'd', 'e', 0x42, 'X',
        'X' };

    @TempDir
    Path dir;

    private GeoAnswer lookup(String type, byte[] record) throws IOException {
        byte[] file = new TinyMmdb().record(record).uint32("node_count", 1).uint16("record_size", 24)
                .uint16("ip_version", 4).string("database_type", type).uint16("binary_format_major_version", 2)
                .uint16("binary_format_minor_version", 0).uint64("build_epoch", 1_700_000_000L).bytes();
        Path path = Files.write(dir.resolve(type + ".mmdb"), file);
        try (GeoIpService service = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(path)))) {
            assertEquals(GeoDatabaseStatus.LOADED, service.catalogue().databases().get(0).status());
            return service.lookup("81.2.69.160");
        }
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aMapHeaderClaimingMillionsOfEntriesFailsThatLookupWithoutAllocatingForThem() throws IOException {
        for (String type : List.of("ipinfo-lite", "GeoLite2-Country")) {
            long before = allocatedByThisThread();
            GeoAnswer answer = lookup(type, HUGE_MAP);
            long allocated = allocatedByThisThread() - before;
            assertEquals(GeoLookupStatus.UNAVAILABLE, answer.status(), answer.toString());
            String problem = String.join("; ", answer.problems());
            assertTrue(problem.contains("data offset 0: map of 16843036 entries needs at least 33686072 bytes, 4 are left"),
                    problem);
            assertTrue(allocated < 16 << 20, type + ": " + allocated + " bytes allocated");
        }
    }

    @Test
    void aPointerCycleIsRefusedInsteadOfOverflowingTheStack() throws IOException {
        GeoAnswer answer = lookup("ipinfo-lite", CYCLE);
        assertEquals(GeoLookupStatus.UNAVAILABLE, answer.status(), answer.toString());
        assertTrue(String.join("; ", answer.problems()).contains("nests deeper than 32 levels"), answer.problems().toString());
    }

    @Test
    void aWellFormedRecordStillAnswers() throws IOException {
        GeoAnswer answer = lookup("ipinfo-lite", FINE);
        assertEquals("XX", answer.country().orElseThrow().isoCode(), answer.toString());
    }
}
