package io.egress.enrich.internal.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.AddressClassifier;
import io.egress.enrich.geo.AsnInfo;
import io.egress.enrich.geo.FieldSource;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.geo.GeoLookupStatus;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging records of several databases for one address. */
class GeoAnswerAssemblerTest {
    private static final FieldSource ANONYMOUS = new FieldSource("GeoIP2-Anonymous-IP", Instant.EPOCH, "anon.mmdb");
    private static final FieldSource ASN = new FieldSource("GeoLite2-ASN", Instant.EPOCH, "asn.mmdb");
    private static final FieldSource CITY = new FieldSource("GeoIP2-City", Instant.EPOCH, "city.mmdb");

    private static GeoAnswerAssembler assembler() throws Exception {
        return new GeoAnswerAssembler("81.2.69.160", AddressClassifier.classify(InetAddress.getByName("81.2.69.160")));
    }

    @Test
    void theNetworkIsTheMostSpecificOneAnyRecordGivesNotTheFirst() throws Exception {
        GeoAnswerAssembler a = assembler();
        a.add(GeoRecord.builder("80.0.0.0/4").anonymity(Set.of()).build(), ANONYMOUS); // "nothing known" for a /4
        a.add(GeoRecord.builder("81.2.64.0/19").asn(new AsnInfo(20712, "Andrews & Arnold Ltd")).build(), ASN);
        a.add(GeoRecord.builder("81.2.69.0/24").build(), CITY);
        a.add(GeoRecord.builder("81.0.0.0/8").build(), CITY);
        GeoAnswer g = a.build();
        assertEquals("81.2.69.0/24", g.network().orElseThrow());
        assertEquals(CITY, g.sources().get("network"));
        assertEquals(ASN, g.sources().get("asn"));
        assertEquals(ANONYMOUS, g.sources().get("anonymity"));
    }

    @Test
    void anAsnOnlyAnswerIsFoundButHasNoLocation() throws Exception {
        GeoAnswerAssembler a = assembler();
        a.add(GeoRecord.builder("81.2.64.0/19").asn(new AsnInfo(20712, "Andrews & Arnold Ltd")).build(), ASN);
        GeoAnswer asnOnly = a.build();
        assertEquals(GeoLookupStatus.FOUND, asnOnly.status());
        assertFalse(asnOnly.hasLocation());
        GeoAnswerAssembler b = assembler();
        b.add(GeoRecord.builder("81.2.69.0/24").country(new GeoCountry("GB", "United Kingdom")).build(), CITY);
        assertTrue(b.build().hasLocation());
    }
}
