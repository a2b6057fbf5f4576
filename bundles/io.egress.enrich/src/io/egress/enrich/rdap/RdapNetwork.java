package io.egress.enrich.rdap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registration of the network holding an address, as an RDAP registry states it. All text is plain
 * text from a third party: controls stripped, length bounded; markup kept verbatim, never interpreted.
 *
 * @param handle registry handle (e.g. NET-81-2-69-0-1)
 * @param name network name
 * @param type allocation type as the registry words it
 * @param startAddress first address of the range
 * @param endAddress last address of the range
 * @param cidrs the range as CIDRs (from the cidr0 extension, or computed)
 * @param country ISO country code the registry gives
 * @param registrant the registrant organisation (vCard org, else fn, of the entity with role registrant)
 * @param abuseEmail the abuse contact's e-mail (entity with role abuse, searched in nested entities too)
 * @param registered registration date
 * @param lastChanged last change date
 * @param parentHandle handle of the enclosing network
 */
public record RdapNetwork(String handle, String name, String type, String startAddress, String endAddress, List<String> cidrs,
        Optional<String> country, Optional<String> registrant, Optional<String> abuseEmail, Optional<Instant> registered,
        Optional<Instant> lastChanged, Optional<String> parentHandle) {

    public RdapNetwork {
        cidrs = List.copyOf(cidrs);
    }
}
