package io.egress.workspace;

import io.egress.workspace.internal.diff.DiffBuilder;

/** Compares a baseline workspace with a later one (the baseline diff). Stateless. */
public final class WorkspaceDiff {
    private WorkspaceDiff() {
    }

    /**
     * What is new in {@code current} compared with {@code baseline}: processes (by executable and
     * user), destinations per owner (process, or local host when flows are not attributed) with
     * ASN and country when GeoIP answers are stored, listening ports, and findings (by detector and
     * title) that appeared or went away.
     */
    public static DiffReport compare(WorkspaceContent baseline, WorkspaceContent current) {
        return new DiffBuilder(baseline, current).build();
    }
}
