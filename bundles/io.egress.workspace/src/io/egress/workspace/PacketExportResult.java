package io.egress.workspace;

import java.util.List;

/**
 * What a packet export wrote.
 *
 * @param packets  packets written
 * @param problems flows whose packets could not be written, and why (capture missing, live session)
 */
public record PacketExportResult(long packets, List<String> problems) {
    public PacketExportResult {
        problems = List.copyOf(problems);
    }
}
