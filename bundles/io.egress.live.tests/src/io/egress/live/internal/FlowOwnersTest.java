package io.egress.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egress.attribution.SocketTableService;
import io.egress.capture.live.NewFlow;
import io.egress.core.flow.FlowKey;
import io.egress.core.socket.AttributionMethod;
import io.egress.live.FlowOwner;
import io.egress.live.OwnerState;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The trigger queue and the bookkeeping under a flood of new flows; nothing is ever guessed. */
class FlowOwnersTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private static NewFlow flow(int index, int port) {
        FlowKey key = FlowKey.of(6, LO.getAddress(), port, LO.getAddress(), 9, FlowKey.NO_VLAN, FlowKey.NO_VLAN);
        return new NewFlow(index, key, 6, LO, port, LO, 9, Instant.now().toEpochMilli() * 1_000_000L, "lo");
    }

    @Test
    void aFullQueueNeverBlocksAndLeavesTheRestToPolling() {
        FlowOwners owners = new FlowOwners();
        try (SocketTableService sockets = new SocketTableService()) {
            TriggerWorker worker = new TriggerWorker(16, sockets, owners, new DelayRecorder(), new LocalAddresses(),
                    new DetailsWorker(sockets, owners));
            long start = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                NewFlow f = flow(i, 20000 + i % 40000);
                owners.created(f);
                worker.offer(f); // the worker is not running: the queue fills at 16
            }
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "offering must not wait");
            assertEquals(5000 - 16, worker.overflows());
            assertEquals(5000 - 16, owners.waiting().size());
            assertEquals(5000, owners.pending());
        }
    }

    @Test
    void flowsNoSocketHasAreGivenUpNotGuessed() {
        FlowOwners owners = new FlowOwners();
        try (SocketTableService sockets = new SocketTableService()) {
            DetailsWorker details = new DetailsWorker(sockets, owners);
            TriggerWorker worker = new TriggerWorker(64, sockets, owners, new DelayRecorder(), new LocalAddresses(), details);
            for (int i = 0; i < 20; i++) {
                NewFlow f = flow(i, 1 + i); // port 9 ("discard") from privileged ports nobody uses here
                owners.created(f);
                worker.lookUp(f);
            }
            assertEquals(20, owners.waiting().size());
            SocketPoller poller = new SocketPoller(sockets, owners, () -> null, Duration.ofMillis(1), new LocalAddresses(), details);
            poller.poll(Instant.now().plusSeconds(1));
            assertEquals(0, owners.waiting().size());
            assertEquals(20, owners.unattributed());
            for (int i = 0; i < 20; i++) {
                FlowOwner o = owners.owner(i);
                assertEquals(OwnerState.UNATTRIBUTED, o.state());
                assertTrue(o.pid().isEmpty());
                assertEquals(AttributionMethod.NONE, o.attribution().method());
                assertEquals("", o.comment());
            }
        }
    }
}
