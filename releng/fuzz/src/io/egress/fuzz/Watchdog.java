package io.egress.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Runs a target's loop on a daemon thread and watches it: an input running longer than the limit,
 * in wall time and in the thread's CPU time, is a hang (saved with the stack of the stuck thread; the thread is abandoned and the target
 * ends). Reports the peak heap of the target's run from the memory pools.
 */
public final class Watchdog {
    public static final long HANG_NANOS = 1_000_000_000L;
    /** The limit while the seeds run first, in a cold JVM. */
    private static final long WARM_UP_HANG_NANOS = 20 * HANG_NANOS;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Watchdog() {
    }

    public static TargetStats watch(FuzzLoop loop, FuzzTarget target, Findings findings) throws InterruptedException, IOException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long began = System.nanoTime();
        Thread worker = Thread.ofPlatform().name("fuzz-" + target.name()).daemon(true).start(loop);
        long watchedSerial = -1;
        long cpuWhenSeen = 0;
        while (worker.isAlive()) {
            worker.join(50);
            long running = loop.runningFor(System.nanoTime());
            long serial = loop.serial();
            if (serial != watchedSerial) {
                watchedSerial = serial;
                cpuWhenSeen = THREADS.getThreadCpuTime(worker.threadId());
            }
            // Wall time and the worker's own CPU time: a thread descheduled on a busy machine is no hang.
            long limit = loop.warmingUp ? WARM_UP_HANG_NANOS : HANG_NANOS;
            if (running > limit && THREADS.getThreadCpuTime(worker.threadId()) - cpuWhenSeen > limit) {
                byte[] input = loop.currentInput();
                loop.stats.hangs++;
                StringBuilder stack = new StringBuilder("running for " + running / 1_000_000 + " ms\n");
                for (StackTraceElement e : worker.getStackTrace()) {
                    stack.append("\tat ").append(e).append('\n');
                }
                findings.record(target.name(), "hang", "hang at " + topProjectFrame(worker), input, input, stack.toString());
                loop.stop();
                loop.stats.note = "stopped at the first hang; the stuck thread was abandoned";
                break;
            }
        }
        TargetStats stats = loop.stats;
        stats.seconds = Math.max(1, (System.nanoTime() - began) / 1_000_000_000L);
        stats.peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return stats;
    }

    private static String topProjectFrame(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.egress.") && !e.getClassName().startsWith("io.egress.fuzz.")) {
                return e.getClassName() + "." + e.getMethodName();
            }
        }
        return "?";
    }
}
