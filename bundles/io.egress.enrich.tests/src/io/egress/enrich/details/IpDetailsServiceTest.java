package io.egress.enrich.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.core.net.AddressClass;
import io.egress.core.net.IpAddresses;
import io.egress.enrich.geo.GeoIpConfig;
import io.egress.enrich.geo.GeoIpService;
import io.egress.enrich.names.NameSource;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.names.ReverseDnsConfig;
import io.egress.enrich.names.ReverseDnsService;
import io.egress.enrich.rdap.RdapConfig;
import io.egress.enrich.rdap.RdapRequest;
import io.egress.enrich.rdap.RdapResult;
import io.egress.enrich.rdap.RdapService;
import io.egress.tests.support.SharedData;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The view model the editor renders, offline (no resolver, no registry configured to answer). */
class IpDetailsServiceTest {

    @Test
    void offlineDetailsCombineGeoAndCapturedNames() throws Exception {
        try (GeoIpService geo = GeoIpService.open(GeoIpConfig.onlyFolders(List.of(SharedData.geoip())));
                ReverseDnsService rdns = new ReverseDnsService(ReverseDnsConfig.defaults());
                RdapService rdap = new RdapService(RdapConfig.defaults())) {
            IpDetailsService service = new IpDetailsService(geo, rdns, rdap);
            List<ObservedName> captured = List.of(
                    new ObservedName("london.example", NameSource.DNS_ANSWER, Instant.parse("2025-03-01T10:00:00Z"), 300),
                    ObservedName.of("london.example", NameSource.TLS_SNI, Instant.parse("2025-03-01T10:00:01Z")));
            IpDetails d = service.describeOffline(IpAddresses.parse("::ffff:81.2.69.142"), captured);
            assertEquals("81.2.69.142", d.address());
            assertEquals(AddressClass.PUBLIC, d.addressClass());
            assertEquals("ip.addr == 81.2.69.142", d.wiresharkFilter());
            assertEquals("London", d.geo().city().orElseThrow());
            assertEquals(2, d.names().size());
            assertEquals(RdapResult.Status.NOT_ALLOWED, d.rdap().status());

            IpDetails v6 = service.describe(IpAddresses.parse("2001:218::1"), List.of(), LookupOptions.AS_CONFIGURED).get(10, TimeUnit.SECONDS);
            assertEquals("ipv6.addr == 2001:218::1", v6.wiresharkFilter());
            assertEquals(RdapResult.Status.NOT_ALLOWED, v6.rdap().status(), "off by default");
            assertTrue(v6.reverseDns().isPresent());
            assertEquals(io.egress.enrich.names.ReverseDnsAnswer.Status.DISABLED, v6.reverseDns().get().status(), "off by default");

            String json = IpDetailsJson.toJson(d, true);
            assertTrue(json.contains("\"source\": \"dns-answer\""), json);
            assertTrue(json.contains("\"ttl\": 300"), json);
            assertTrue(json.contains("\"status\": \"not-allowed\""), json);
            assertTrue(json.contains("\"buildDate\": \"2026-02-04\""), json);
            assertEquals(RdapRequest.CACHE_ONLY, LookupOptions.OFFLINE.rdap());
        }
    }
}
