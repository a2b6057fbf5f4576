package io.egress.live.internal;

import io.egress.attribution.SocketTableService;
import io.egress.core.process.ProcessInfo;
import io.egress.core.socket.Connection;
import io.egress.live.FlowOwner;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Adds process details (name, executable, user) to flows the trigger attributed by pid alone.
 * Kept apart so that reading details (tens of ms the first time for a process) never delays the
 * next flow's lookup; details are cached per process, so a process's later flows cost nothing.
 */
public final class DetailsWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(DetailsWorker.class.getName());

    private final BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    private final SocketTableService details;
    private final FlowOwners owners;
    private volatile boolean stopped;

    public DetailsWorker(SocketTableService details, FlowOwners owners) {
        this.details = details;
        this.owners = owners;
    }

    public void add(int flowIndex) {
        queue.add(flowIndex);
    }

    public boolean idle() {
        return queue.isEmpty();
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped || !queue.isEmpty()) {
            Integer index;
            try {
                index = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (index != null) {
                try {
                    complete(index);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "process details for flow " + index + " failed; it keeps its pid only", e);
                }
            }
        }
    }

    private void complete(int index) {
        FlowOwner owner = owners.owner(index);
        if (owner.connection().isEmpty() || owner.pid().isEmpty() || owner.process().map(ProcessInfo::hasDetails).orElse(false)) {
            return;
        }
        Optional<ProcessInfo> info = details.process(owner.pid().getAsLong());
        if (info.isPresent() && info.get().hasDetails()) {
            Connection c = owner.connection().get();
            owners.refine(index, new FlowOwner(owner.state(), Optional.of(new Connection(c.socket(), info, c.attribution())), owner.attribution()));
        }
    }
}
