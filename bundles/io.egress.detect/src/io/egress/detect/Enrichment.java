package io.egress.detect;

import java.util.Optional;

/**
 * Where a remote address is, as far as the available databases know. Implementations must be
 * thread-safe and must not touch the network (detectors call them for many addresses).
 */
public interface Enrichment {
    /** No database available: every lookup is empty. */
    Enrichment NONE = new Enrichment() {
        @Override
        public Optional<String> country(byte[] address) {
            return Optional.empty();
        }

        @Override
        public Optional<String> asn(byte[] address) {
            return Optional.empty();
        }
    };

    /** ISO 3166 country code of the address, or empty when unknown. */
    Optional<String> country(byte[] address);

    /** Autonomous system of the address as text (e.g. "AS15169 Google LLC"), or empty when unknown. */
    Optional<String> asn(byte[] address);
}
