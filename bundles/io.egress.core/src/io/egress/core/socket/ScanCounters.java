package io.egress.core.socket;

/**
 * What a snapshot could not see, so that gaps are reported instead of hidden.
 *
 * @param processesScanned   processes whose open files were looked at
 * @param processesVanished  processes listed but gone before they could be read (skipped)
 * @param fdDirsUnreadable   processes whose {@code fd/} directory could not be read (skipped; needs privileges)
 * @param socketsListed      sockets read from the kernel
 * @param socketsUnowned     sockets for which no process was found
 */
public record ScanCounters(int processesScanned, int processesVanished, int fdDirsUnreadable,
        int socketsListed, int socketsUnowned) {

    public static final ScanCounters EMPTY = new ScanCounters(0, 0, 0, 0, 0);
}
