package io.egress.enrich.geo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One .mmdb file found while scanning, as listed on the preferences page.
 *
 * @param file the file
 * @param databaseType the metadata's {@code database_type}, or "" when it could not be read
 * @param buildDate the metadata's build time, when readable
 * @param kind what Egress reads from it, when supported
 * @param status in use or why not
 * @param detail one plain sentence: what it provides, or what is wrong
 */
public record GeoDatabaseInfo(Path file, String databaseType, Optional<Instant> buildDate, Optional<GeoDatabaseKind> kind,
        GeoDatabaseStatus status, String detail) {

    /** The source stamp that answers from this database carry. */
    public FieldSource asSource() {
        return new FieldSource(databaseType, buildDate.orElse(Instant.EPOCH), file.getFileName().toString());
    }
}
