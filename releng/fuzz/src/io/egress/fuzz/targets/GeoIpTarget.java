package io.egress.fuzz.targets;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.Mutator;
import io.egress.fuzz.SharedFiles;
import io.egress.fuzz.TempInput;

/**
 * GeoIP opening: GeoIpService.open on one mutated .mmdb file (the scanner's layout check, metadata,
 * the reader), then lookups of IPv4, IPv6 and mapped addresses. The service documents no
 * exception: a broken database must become a catalogue status or a problem in the answer.
 */
public final class GeoIpTarget implements FuzzTarget {
    private static final List<String> PROBES = List.of("81.2.69.160", "2.125.160.216", "1.1.1.1", "216.160.83.56",
            "2001:218::1", "::ffff:81.2.69.160", "2a02:ffc0::1", "175.16.199.0");

    @Override
    public String name() {
        return "geoip";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        return SharedFiles.seedsOf(SharedFiles.files(SharedFiles.shared("geoip"), ".mmdb"));
    }

    @Override
    public void run(byte[] input) throws Exception {
        Path file = TempInput.write("input.mmdb", input);
        try (GeoIpService service = GeoIpService.open(GeoIpConfig.onlyFiles(List.of(file)))) {
            service.catalogue().toString();
            for (String probe : PROBES) {
                service.lookup(probe).toString();
            }
        }
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return false;
    }

    @Override
    public Mutator mutator(Random random, List<byte[]> seeds) {
        return new MmdbMutator(random, seeds);
    }
}
