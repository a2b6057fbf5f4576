import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import io.egress.core.flow.DirectionStats;
import io.egress.core.flow.Flow;
import io.egress.core.flow.FlowKey;
import io.egress.core.flow.IpProtocols;
import io.egress.core.flow.TcpState;
import io.egress.core.progress.Progress;
import io.egress.core.timeline.RowKeys;
import io.egress.core.timeline.TimeWindow;
import io.egress.core.timeline.TimelineModel;
import io.egress.core.timeline.TimelineRow;
import io.egress.ui.timeline.internal.TimelineCanvas;

/**
 * Repaint benchmark of the flow timeline: 100,000 generated flows (a working day, ten months of
 * silence, another day; beacons every 60 s among browsing-like traffic) in the timeline canvas of
 * the workbench, in a plain SWT shell, zoomed through five levels. For each level it prints the
 * time until the buckets of the rows on screen were computed (worker thread) and the repaint times
 * (redraw + update, i.e. a real paint on the X server), median and worst.
 */
public final class TimelineRepaintBench {
    private static final long S = 1_000_000_000L;
    private static final int REPAINTS = 40;

    public static void main(String[] args) {
        int flows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long t0 = System.nanoTime();
        List<Flow> generated = generate(flows, new Random(42));
        long t1 = System.nanoTime();
        TimelineModel model = TimelineModel.build(generated, RowKeys.byInitiatorHost(), Progress.NONE);
        System.out.printf("flows %,d, hosts %d; generated in %d ms, model built in %d ms (once per capture, in a job)%n", flows,
                model.owners().size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);

        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1600, 1000);
        TimelineCanvas timeline = new TimelineCanvas(shell);
        shell.open();
        timeline.setModel(model);
        // some hosts and destinations open, so owner, destination and flow lines are all on screen
        for (TimelineRow owner : model.owners().subList(0, 3)) {
            timeline.toggle(owner);
            timeline.toggle(owner.children().get(0));
        }
        pump(display, 300);

        TimeWindow all = model.extent();
        long busy = all.startNanos() + 4 * 3600 * S;
        TimeWindow[] levels = { all, window(busy, 24 * 3600 * S), window(busy, 3600 * S), window(busy, 60 * S), window(busy, S) };
        String[] names = { "all (10 months)", "1 day", "1 hour", "1 minute", "1 second" };
        // a first pass in a fresh JVM (class loading, JIT), then the same levels again
        for (String pass : new String[] { "first pass", "second pass" }) {
            System.out.println(pass + ":");
            measure(display, timeline, levels, names);
        }
        display.dispose();
    }

    private static void measure(Display display, TimelineCanvas timeline, TimeWindow[] levels, String[] names) {
        List<Double> everything = new ArrayList<>();
        System.out.printf("  %-16s %8s %11s %11s %10s %10s %10s %13s%n", "zoom", "lines", "buckets ms", "first ms", "median ms", "p95 ms",
                "worst ms", "redraw->done");
        for (int level = 0; level < levels.length; level++) {
            long start = System.nanoTime();
            timeline.setWindow(levels[level]);
            while (!timeline.isSettled()) {
                pump(display, 1);
            }
            double buckets = (System.nanoTime() - start) / 1e6;
            double[] times = new double[REPAINTS];
            double[] latency = new double[REPAINTS];
            for (int i = 0; i < REPAINTS; i++) {
                long before = timeline.paints();
                long s = System.nanoTime();
                timeline.control().redraw();
                while (timeline.paints() == before) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
                latency[i] = (System.nanoTime() - s) / 1e6;
                times[i] = timeline.lastPaintNanos() / 1e6;
                everything.add(times[i]);
            }
            double first = times[0];
            Arrays.sort(times);
            Arrays.sort(latency);
            System.out.printf("  %-16s %8d %11.1f %11.2f %10.2f %10.2f %10.2f %13.2f%n", names[level], timeline.lines().size(), buckets, first,
                    times[REPAINTS / 2], times[REPAINTS * 95 / 100], times[REPAINTS - 1], latency[REPAINTS / 2]);
        }
        double[] all = everything.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  all levels: median %.2f ms, p95 %.2f ms, worst %.2f ms (target: at most 50 ms)%n", all[all.length / 2],
                all[all.length * 95 / 100], all[all.length - 1]);
    }

    private static TimeWindow window(long middle, long span) {
        return new TimeWindow(middle - span / 2, middle + span / 2);
    }

    private static void pump(Display display, int millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Two busy days ten months apart; 20 hosts; 2 % of flows are 60-second beacons of three hosts. */
    static List<Flow> generate(int n, Random random) {
        long day1 = 1_700_000_000L * S;
        long day2 = day1 + 300L * 24 * 3600 * S;
        List<Flow> flows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] host = { 10, 0, 0, (byte) (1 + random.nextInt(20)) };
            long base = random.nextBoolean() ? day1 : day2;
            long first;
            long duration;
            byte[] remote;
            int port;
            if (i % 50 == 0) {
                host = new byte[] { 10, 0, 0, (byte) (1 + (i / 50) % 3) };
                remote = new byte[] { 24, (byte) 199, 110, (byte) 233 };
                port = 443;
                first = day1 + (i / 150) * 60 * S + random.nextInt(200_000_000);
                duration = 300_000_000L;
            } else {
                remote = new byte[] { (byte) (1 + random.nextInt(200)), (byte) random.nextInt(256), (byte) random.nextInt(8), 1 };
                port = random.nextInt(10) == 0 ? 53 : 443;
                first = base + (long) (random.nextDouble() * 9 * 3600 * S);
                duration = (long) Math.pow(10, 6 + random.nextDouble() * 5.8); // 1 ms .. 10 min
            }
            long packets = 2 + random.nextInt(200);
            int srcPort = 32768 + random.nextInt(28000);
            int proto = port == 53 ? IpProtocols.UDP : IpProtocols.TCP;
            flows.add(new Flow(FlowKey.of(proto, host, srcPort, remote, port, FlowKey.NO_VLAN, FlowKey.NO_VLAN), host, srcPort, remote, port,
                    new DirectionStats(packets / 2, packets * 400, 0), new DirectionStats(packets - packets / 2, packets * 600, 0), first,
                    first + duration, TcpState.CLOSED, 0, 0, "", List.of(), true));
        }
        return flows;
    }
}
