package io.egress.workspace.internal.store;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.FlowName;
import io.egress.core.flow.NameSource;
import io.egress.core.flow.TcpState;
import io.egress.core.progress.Progress;
import io.egress.workspace.FlowRecord;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A process that saves a large workspace again and again, for the test that kills it in the middle
 * of a save. Prints {@code saving N} when save N starts and {@code saved N in T ms} when it is complete.
 * Arguments: FILE FLOWS SAVES.
 */
public final class SaveChild {
    private SaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int flows = Integer.parseInt(args[1]);
        int saves = Integer.parseInt(args[2]);
        WorkspaceStore store = new WorkspaceStore();
        for (int generation = 1; generation <= saves; generation++) {
            WorkspaceContent content = content(generation, flows);
            System.out.println("saving " + generation);
            System.out.flush();
            long start = System.nanoTime();
            store.save(file, content, Progress.NONE);
            System.out.println("saved " + generation + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            System.out.flush();
        }
    }

    /** A workspace of {@code flows} synthetic flows whose view state names its generation. */
    public static WorkspaceContent content(int generation, int flows) {
        WorkspaceContent.Builder b = WorkspaceContent.builder().viewState("generation", Integer.toString(generation));
        for (int i = 0; i < flows; i++) {
            b.flow(new FlowRecord(i, -1, flow(generation, i), Optional.empty()));
        }
        return b.build();
    }

    private static Flow flow(int generation, int i) {
        byte[] client = {10, 0, (byte) (i >>> 8), (byte) i};
        byte[] server = {93, (byte) generation, (byte) (i >>> 8), (byte) i};
        int port = 1024 + (i % 60000);
        return new Flow(FlowKey.of(6, client, port, server, 443, FlowKey.NO_VLAN, FlowKey.NO_VLAN), client, port, server, 443,
                new DirectionStats(10 + i, 1000L + i, 500L + i), new DirectionStats(8, 9000, 8000), 1_700_000_000_000_000_000L + i,
                1_700_000_001_000_000_000L + i, TcpState.CLOSED, 0, 0, "1:synthetic" + i,
                List.of(new FlowName("host" + i + ".example", NameSource.TLS_SNI, 1_700_000_000_000_000_000L + i)), true);
    }
}
