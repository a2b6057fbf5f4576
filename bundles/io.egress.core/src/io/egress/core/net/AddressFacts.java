package io.egress.core.net;

/**
 * What enrichment knows about addresses, looked up before a view shows them (views never look up
 * on their own thread): the country and the network that holds each. Implemented outside the core
 * (e.g. from GeoIP databases); {@link #NONE} knows nothing.
 */
public interface AddressFacts {
    /** Knows nothing: every answer is "". */
    AddressFacts NONE = new AddressFacts() {
        @Override
        public String country(byte[] address) {
            return "";
        }

        @Override
        public String network(byte[] address) {
            return "";
        }
    };

    /** ISO country code of the address (4 or 16 bytes), or "" when unknown or not looked up. */
    String country(byte[] address);

    /** The network that holds it, e.g. "AS54113 Fastly, Inc.", or "" when unknown. */
    String network(byte[] address);
}
