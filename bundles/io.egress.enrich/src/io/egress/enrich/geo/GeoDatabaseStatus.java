package io.egress.enrich.geo;

/** Whether a database file found on disk is in use, and if not, why. */
public enum GeoDatabaseStatus {
    /** Opened and answering lookups. */
    LOADED,
    /** Readable, but another file of the same database type with a newer build answers instead. */
    SUPERSEDED,
    /** A valid MaxMind DB whose type (schema) Egress does not read. */
    UNSUPPORTED,
    /** Not a valid MaxMind DB (bad metadata or search tree); refused at load time. */
    CORRUPT,
    /** Could not be read at all (permissions, I/O error). */
    UNREADABLE
}
