package io.egress.enrich.internal.geo;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;

import io.egress.enrich.geo.AsnInfo;
import io.egress.enrich.geo.GeoCountry;
import io.egress.enrich.geo.GeoDatabaseInfo;
import io.egress.enrich.internal.text.PlainText;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * IPinfo Lite, whose flat schema geoip2 refuses; read with the low-level reader and mapped:
 * {@code country_code} → country ISO code, {@code country} → country name, {@code asn} ("AS13335")
 * → ASN number, {@code as_name} → AS organisation. Other fields (continent, as_domain) are not used.
 */
final class IpinfoLiteDatabase implements MmdbDatabase {
    private final Reader reader;
    private final MmdbRecordGuard guard;
    private final GeoDatabaseInfo info;

    IpinfoLiteDatabase(Reader reader, MmdbRecordGuard guard, GeoDatabaseInfo info) {
        this.reader = reader;
        this.guard = guard;
        this.info = info;
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
    public Optional<GeoRecord> lookup(InetAddress address) throws IOException, CorruptDatabaseException {
        guard.check(address);
        @SuppressWarnings("rawtypes")
        DatabaseRecord<Map> rec = reader.getRecord(address, Map.class);
        if (rec == null || rec.getData() == null) {
            return Optional.empty();
        }
        Map<?, ?> data = rec.getData();
        GeoRecord.Builder b = GeoRecord.builder(Networks.cidr(rec.getNetwork()));
        String iso = text(data.get("country_code"));
        String name = text(data.get("country"));
        if (!iso.isEmpty() || !name.isEmpty()) {
            b.country(new GeoCountry(iso, name));
        }
        parseAsn(text(data.get("asn"))).ifPresent(n -> b.asn(new AsnInfo(n, text(data.get("as_name")))));
        return Optional.of(b.build());
    }

    /** "AS13335" or "13335" to 13335. */
    static Optional<Long> parseAsn(String text) {
        String digits = text.regionMatches(true, 0, "AS", 0, 2) ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    private static String text(Object value) {
        return value instanceof String s ? PlainText.clean(s) : "";
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
}
