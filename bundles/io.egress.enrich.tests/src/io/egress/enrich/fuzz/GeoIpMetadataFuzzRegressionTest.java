package io.egress.enrich.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.geo.GeoDatabaseStatus;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;

/**
 * Found by releng/fuzz/fuzz (target geoip) on a mutated GeoIP2-Anonymous-IP-Test.mmdb: metadata
 * without {@code build_epoch} made maxmind-db's Metadata.getBuildDate throw a NullPointerException
 * out of GeoIpService.open. The file is rebuilt here by code; now it is a CORRUPT catalogue entry.
 */
class GeoIpMetadataFuzzRegressionTest {
    @TempDir
    Path dir;

    private static TinyMmdb city() {
        return new TinyMmdb().uint32("node_count", 1).uint16("record_size", 24).uint16("ip_version", 4)
                .string("database_type", "GeoIP2-City").uint16("binary_format_major_version", 2)
                .uint16("binary_format_minor_version", 0);
    }

    private GeoDatabaseInfo opened(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("fuzz.mmdb"), content);
        try (GeoIpService service = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(file)))) {
            service.lookup("81.2.69.160"); // must answer, not throw
            return service.catalogue().databases().get(0);
        }
    }

    @Test
    void metadataWithoutBuildEpochIsCorrupt() throws IOException {
        GeoDatabaseInfo info = opened(city().bytes());
        assertEquals(GeoDatabaseStatus.CORRUPT, info.status(), info.toString());
        assertTrue(info.detail().contains("build_epoch"), info.detail());
    }

    @Test
    void theSameFileWithBuildEpochLoads() throws IOException {
        GeoDatabaseInfo info = opened(city().uint64("build_epoch", 1_700_000_000L).bytes());
        assertEquals(GeoDatabaseStatus.LOADED, info.status(), info.toString());
    }
}
