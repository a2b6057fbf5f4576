package io.egress.workspace;

import java.util.List;
import java.util.Objects;

/**
 * What a later workspace has that a baseline had not, and findings that went away.
 *
 * @param newProcesses      programs seen now and not in the baseline
 * @param newDestinations   remote addresses an owner talks to now and did not before
 * @param newListeningPorts local ports answering now and not before
 * @param findingsAppeared  findings only in the later workspace
 * @param findingsGone      findings only in the baseline
 */
public record DiffReport(List<NewProcess> newProcesses, List<NewDestination> newDestinations, List<ListeningPort> newListeningPorts,
        List<FindingRecord> findingsAppeared, List<FindingRecord> findingsGone) {

    public DiffReport {
        newProcesses = List.copyOf(newProcesses);
        newDestinations = List.copyOf(newDestinations);
        newListeningPorts = List.copyOf(newListeningPorts);
        findingsAppeared = List.copyOf(findingsAppeared);
        findingsGone = List.copyOf(findingsGone);
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return newProcesses.isEmpty() && newDestinations.isEmpty() && newListeningPorts.isEmpty() && findingsAppeared.isEmpty()
                && findingsGone.isEmpty();
    }

    /**
     * A program (identified by executable path, or name when the path is unknown, and user).
     */
    public record NewProcess(String name, String exePath, String user) {
        public NewProcess {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(exePath, "exePath");
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * A remote address newly contacted by an owner.
     *
     * @param owner      the process ({@code name (exe)}) or, for flows without attribution, {@code host ADDRESS}
     * @param address    the destination
     * @param ports      destination ports used ("tcp/443"), sorted
     * @param names      names seen for it (DNS, SNI, HTTP Host)
     * @param asn        its autonomous system number from stored GeoIP answers, or empty
     * @param country    its country ISO code from stored GeoIP answers, or empty
     * @param newAsn     the owner talked to no address of this AS in the baseline
     * @param newCountry the owner talked to no address in this country in the baseline
     */
    public record NewDestination(String owner, String address, List<String> ports, List<String> names, String asn, String country,
            boolean newAsn, boolean newCountry) {
        public NewDestination {
            ports = List.copyOf(ports);
            names = List.copyOf(names);
        }
    }

    /**
     * A local port that answered.
     *
     * @param host     the local (non-public) address that answered
     * @param protocol {@code tcp} or {@code udp}
     * @param port     the port
     * @param owner    the process owning it, or empty when not attributed
     */
    public record ListeningPort(String host, String protocol, int port, String owner) {
    }
}
