package io.egress.enrich.details;

import io.egress.core.net.AddressClass;
import io.egress.core.net.AddressClassification;
import io.egress.enrich.geo.GeoAnswer;
import io.egress.enrich.names.ObservedName;
import io.egress.enrich.names.ReverseDnsAnswer;
import io.egress.enrich.rdap.RdapResult;

import java.util.List;
import java.util.Optional;

/**
 * Everything Egress knows about one address, for the IP details editor, {@code egress ip} and "copy as JSON".
 * UI-free: the editor renders it, all text in it is plain text (render it as text, never as markup).
 *
 * @param address canonical address text (IPv4-mapped IPv6 given as IPv4)
 * @param classification its special-purpose class and the range that decided it
 * @param geo the GeoIP answer, with the database type and build date of each field in {@link GeoAnswer#sources()}
 * @param names names from the capture and reverse DNS, each with its source and time
 * @param reverseDns the reverse DNS outcome, when it was asked for
 * @param rdap the RDAP outcome (NOT_ALLOWED when network lookups are off and nothing is cached)
 */
public record IpDetails(String address, AddressClassification classification, GeoAnswer geo, List<ObservedName> names,
        Optional<ReverseDnsAnswer> reverseDns, RdapResult rdap) {

    public IpDetails {
        names = List.copyOf(names);
    }

    public AddressClass addressClass() {
        return classification.addressClass();
    }

    /** One sentence an analyst can read, e.g. "a private network (RFC 1918 / local-use)". */
    public String classMeaning() {
        return classification.addressClass().meaning();
    }

    /** The Wireshark display filter for this address: {@code ip.addr == 81.2.69.142} or {@code ipv6.addr == 2001:db8::1}. */
    public String wiresharkFilter() {
        return (address.indexOf(':') >= 0 ? "ipv6.addr == " : "ip.addr == ") + address;
    }
}
