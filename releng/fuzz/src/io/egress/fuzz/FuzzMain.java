package io.egress.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Command line of releng/fuzz/fuzz:
 * {@code --target NAME|all --seconds N [--inputs M] [--seed S] [--out DIR]} fuzzes each target for N
 * seconds, or until M inputs have run when that comes first;
 * {@code --replay NAME FILE} runs one saved input (raw bytes, or hex text when FILE ends in .hex);
 * {@code --write-corpus NAME DIR} writes a target's seeds as files (for --engine jazzer).
 * Exit status 0 when nothing was found, 1 when a crash, hang or unbounded allocation was found.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.OFF); // broken databases are logged by design; the outcome is what counts
        String target = "all";
        long seconds = 20;
        long inputs = Long.MAX_VALUE;
        long seed = System.nanoTime();
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "egress-fuzz-findings");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = args[++i];
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--inputs" -> inputs = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--replay" -> {
                    System.exit(replay(find(args[i + 1]), Path.of(args[i + 2])));
                }
                case "--write-corpus" -> {
                    writeCorpus(find(args[i + 1]), Path.of(args[i + 2]));
                    return;
                }
                case "--list" -> {
                    Targets.all().forEach(t -> System.out.println(t.name()));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<FuzzTarget> chosen = target.equals("all") ? Targets.all() : List.of(find(target));
        System.exit(fuzz(chosen, seconds, inputs, seed, new Findings(out)) ? 0 : 1);
    }

    private static FuzzTarget find(String name) throws Exception {
        java.util.Optional<FuzzTarget> t = Targets.all().stream().filter(x -> x.name().equals(name)).findFirst();
        if (t.isEmpty()) {
            System.err.println("fuzz: no target " + name + "; try --list");
            System.exit(2); // a setup problem, as the script documents
        }
        return t.get();
    }

    private static boolean fuzz(List<FuzzTarget> targets, long seconds, long inputs, long seed, Findings findings) throws Exception {
        System.out.printf("seed %d, %d s per target%s, findings in %s%n", seed, seconds,
                inputs == Long.MAX_VALUE ? "" : " or " + inputs + " inputs", findings.directory());
        List<String> rows = new ArrayList<>();
        boolean clean = true;
        for (FuzzTarget t : targets) {
            List<byte[]> seeds = t.seeds();
            System.out.printf("%s: %d seeds%n", t.name(), seeds.size());
            FuzzLoop loop = new FuzzLoop(t, seeds, System.nanoTime() + seconds * 1_000_000_000L, inputs, seed, findings);
            TargetStats s = Watchdog.watch(loop, t, findings);
            if (loop.harnessFailure != null) {
                loop.harnessFailure.printStackTrace();
                System.err.println("fuzz: harness failure in target " + t.name());
                System.exit(2);
            }
            clean &= s.clean();
            rows.add(String.format("%-12s %5d/%-5d %10d %9d %6.1f%% %7d %5d %6d %9.1f %9.1f %8.1f %s", t.name(), s.seedsParsed,
                    seeds.size(), s.inputs,
                    s.inputs / s.seconds, 100.0 * s.refused / Math.max(1, s.inputs), s.crashes, s.hangs, s.memoryFindings,
                    s.worstAllocation / 1048576.0, s.peakHeap / 1048576.0, s.slowestNanos / 1e6, s.note));
            System.out.println(rows.get(rows.size() - 1));
        }
        System.out.printf("%n%-12s %11s %10s %9s %7s %7s %5s %6s %9s %9s %8s%n", "target", "seeds ok", "inputs", "inputs/s", "refused",
                "crashes", "hangs", "memory", "worstMiB", "peakHeap", "slowMs");
        rows.forEach(System.out::println);
        return clean;
    }

    /** The target's seeds as files, the starting corpus of the coverage-guided engine. */
    private static void writeCorpus(FuzzTarget target, Path dir) throws Exception {
        Files.createDirectories(dir);
        int n = 0;
        for (byte[] seed : target.seeds()) {
            Files.write(dir.resolve(String.format("seed-%04d", n++)), seed);
        }
        System.out.println(n + " seeds written to " + dir);
    }

    private static int replay(FuzzTarget target, Path file) throws Exception {
        byte[] input = file.toString().endsWith(".hex") ? HexFormat.of().parseHex(Files.readString(file).strip())
                : Files.readAllBytes(file);
        Outcome o = Execution.run(target, input);
        String what = o.signature().equals(o.kind().name()) ? o.kind().name() : o.kind() + " " + o.signature();
        System.out.println(what + ", allocated " + o.allocatedBytes() + " bytes");
        if (o.failure() != null) {
            o.failure().printStackTrace(System.out);
        }
        return o.kind() == Outcome.Kind.CRASH || o.kind() == Outcome.Kind.MEMORY ? 1 : 0;
    }
}
