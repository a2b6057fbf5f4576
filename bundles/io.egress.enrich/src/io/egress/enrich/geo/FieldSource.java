package io.egress.enrich.geo;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Where one answer came from: the database type and its build date (how old the data is), and the file name.
 */
public record FieldSource(String databaseType, Instant buildDate, String fileName) {

    /** The build date as an ISO date (UTC), as shown to the analyst. */
    public String buildDay() {
        return buildDate.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
