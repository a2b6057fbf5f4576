package io.egress.core.process;

/**
 * Identity of a process: its pid together with its start time, because the kernel reuses pids.
 * Two keys are equal only when both match, so a cache keyed by this never mixes up a new process
 * with an old one that had the same pid.
 *
 * @param pid             the operating system's process id
 * @param startTimeMillis the start time in epoch milliseconds as defined by {@link ProcessInfo#startTimeMillis()}
 */
public record ProcessKey(long pid, long startTimeMillis) {
    @Override
    public String toString() {
        return pid + "@" + startTimeMillis;
    }
}
