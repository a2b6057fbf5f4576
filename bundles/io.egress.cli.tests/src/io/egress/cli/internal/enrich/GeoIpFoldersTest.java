package io.egress.cli.internal.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.StandardGeoIpFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the commands look for GeoIP databases. */
class GeoIpFoldersTest {
    @Test
    void optionFoldersAloneWhenGiven() {
        assertEquals(List.of(Path.of("/opt/a")), GeoIpFolders.config(List.of(Path.of("/opt/a")), "/env/x").folders());
    }

    @Test
    void environmentFoldersBeforeTheStandardOnes() {
        List<Path> expected = new ArrayList<>(List.of(Path.of("/env/x"), Path.of("/env/y")));
        expected.addAll(StandardGeoIpFolders.forThisMachine());
        GeoIpConfig c = GeoIpFolders.config(List.of(), "/env/x::/env/y");
        assertEquals(expected, c.folders());
        assertEquals(StandardGeoIpFolders.forThisMachine(), GeoIpFolders.config(List.of(), null).folders());
    }
}
