package io.egress.detect;

import io.egress.core.process.ProcessInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finding points at, so that a view can select it and a reader can check it.
 *
 * @param flows      indexes into {@link DetectionInput#flows()} of the flows involved
 * @param timeRanges when the suspicious activity happened
 * @param process    the process involved, when flows were attributed to processes
 * @param host       the local host involved (an address in text form), or empty when unknown
 * @param addresses  remote addresses involved, in text form
 * @param names      host or domain names involved (DNS, SNI, HTTP Host)
 */
public record Evidence(List<Integer> flows, List<TimeSpan> timeRanges, Optional<ProcessInfo> process, String host,
        List<String> addresses, List<String> names) {

    public Evidence {
        flows = List.copyOf(flows);
        timeRanges = List.copyOf(timeRanges);
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(addresses);
        names = List.copyOf(names);
    }

    /** Whether this evidence mentions the address or name (case-insensitive for names). */
    public boolean mentions(String addressOrName) {
        return addresses.contains(addressOrName) || names.stream().anyMatch(n -> n.equalsIgnoreCase(addressOrName));
    }
}
