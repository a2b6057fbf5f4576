package io.egress.enrich.internal.geo;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.AbstractCountryResponse;
import com.maxmind.geoip2.model.AnonymousIpResponse;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.IspResponse;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Location;
import com.maxmind.geoip2.record.Subdivision;

import io.egress.enrich.geo.AnonymityFlag;
import io.egress.enrich.geo.AsnInfo;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.geo.GeoLocation;
import io.egress.enrich.internal.text.PlainText;

import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** A MaxMind-schema database (GeoIP2, GeoLite2, DB-IP Lite) read through geoip2's {@link DatabaseReader}. */
final class MaxMindDatabase implements MmdbDatabase {
    private final DatabaseReader reader;
    private final MmdbRecordGuard guard;
    private final GeoDatabaseInfo info;
    private final int ipVersion;

    MaxMindDatabase(DatabaseReader reader, MmdbRecordGuard guard, GeoDatabaseInfo info) {
        this.reader = reader;
        this.guard = guard;
        this.info = info;
        this.ipVersion = reader.getMetadata().getIpVersion();
    }

    @Override
    public GeoDatabaseInfo info() {
        return info;
    }

    @Override
    public int ipVersion() {
        return ipVersion;
    }

    @Override
    public Optional<GeoRecord> lookup(InetAddress address) throws Exception {
        guard.check(address);
        return switch (info.kind().orElseThrow()) {
            case CITY -> reader.tryCity(address).map(MaxMindDatabase::fromCity);
            case COUNTRY -> reader.tryCountry(address).map(r -> countryPart(r, GeoRecord.builder(Networks.cidr(r.getTraits().getNetwork()))).build());
            case ASN -> reader.tryAsn(address).map(MaxMindDatabase::fromAsn);
            case ISP -> reader.tryIsp(address).map(MaxMindDatabase::fromIsp);
            case ANONYMOUS_IP -> reader.tryAnonymousIp(address).map(MaxMindDatabase::fromAnonymous);
            case IPINFO_LITE -> throw new IllegalStateException("not a MaxMind schema: " + info.databaseType());
        };
    }

    private static GeoRecord fromCity(CityResponse r) {
        GeoRecord.Builder b = countryPart(r, GeoRecord.builder(Networks.cidr(r.getTraits().getNetwork())));
        b.subdivisions(r.getSubdivisions().stream().map(Subdivision::getIsoCode).filter(s -> s != null).map(PlainText::clean).toList());
        b.city(PlainText.clean(r.getCity().getName()));
        Location l = r.getLocation();
        if (l.getLatitude() != null && l.getLongitude() != null) {
            Integer radius = l.getAccuracyRadius();
            b.location(new GeoLocation(l.getLatitude(), l.getLongitude(), radius == null ? OptionalInt.empty() : OptionalInt.of(radius)));
        }
        return b.build();
    }

    private static GeoRecord.Builder countryPart(AbstractCountryResponse r, GeoRecord.Builder b) {
        return b.country(country(r.getCountry())).registeredCountry(country(r.getRegisteredCountry()));
    }

    private static GeoCountry country(Country c) {
        if (c == null || (c.getIsoCode() == null && c.getName() == null)) {
            return null;
        }
        return new GeoCountry(nonNull(c.getIsoCode()), nonNull(c.getName()));
    }

    private static GeoRecord fromAsn(AsnResponse r) {
        return GeoRecord.builder(Networks.cidr(r.getNetwork())).asn(asn(r)).build();
    }

    private static GeoRecord fromIsp(IspResponse r) {
        return GeoRecord.builder(Networks.cidr(r.getNetwork())).asn(asn(r)).isp(PlainText.clean(r.getIsp())).build();
    }

    private static AsnInfo asn(AsnResponse r) {
        Long n = r.getAutonomousSystemNumber();
        return n == null ? null : new AsnInfo(n, nonNull(r.getAutonomousSystemOrganization()));
    }

    private static GeoRecord fromAnonymous(AnonymousIpResponse r) {
        Set<AnonymityFlag> flags = EnumSet.noneOf(AnonymityFlag.class);
        add(flags, r.isAnonymous(), AnonymityFlag.ANONYMOUS);
        add(flags, r.isAnonymousVpn(), AnonymityFlag.ANONYMOUS_VPN);
        add(flags, r.isHostingProvider(), AnonymityFlag.HOSTING_PROVIDER);
        add(flags, r.isPublicProxy(), AnonymityFlag.PUBLIC_PROXY);
        add(flags, r.isResidentialProxy(), AnonymityFlag.RESIDENTIAL_PROXY);
        add(flags, r.isTorExitNode(), AnonymityFlag.TOR_EXIT_NODE);
        return GeoRecord.builder(Networks.cidr(r.getNetwork())).anonymity(flags).build();
    }

    private static void add(Set<AnonymityFlag> flags, boolean set, AnonymityFlag flag) {
        if (set) {
            flags.add(flag);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : PlainText.clean(s);
    }

    @Override
    public void close() throws IOException {
        try (guard) {
            reader.close();
        }
    }

    @Override
    public String toString() {
        return info.databaseType() + " (" + info.file() + ")";
    }

    static List<String> locales() {
        return List.of("en");
    }
}
