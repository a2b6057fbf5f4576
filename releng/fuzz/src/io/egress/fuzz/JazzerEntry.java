package io.egress.fuzz;

/**
 * Coverage-guided mode (releng/fuzz/fuzz --engine jazzer): Jazzer calls {@link #fuzzerTestOneInput}
 * with inputs its libFuzzer engine evolves from the seed corpus. The target comes from the system
 * property {@code egress.fuzz.target}. A documented refusal returns normally (it is the expected
 * answer to bad input); anything else propagates, and Jazzer saves the input as a crash. Jazzer's
 * own {@code -timeout} and {@code -rss_limit_mb} watch hangs and memory.
 */
public final class JazzerEntry {
    private static FuzzTarget target;

    private JazzerEntry() {
    }

    public static void fuzzerInitialize() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        String name = System.getProperty("egress.fuzz.target");
        target = Targets.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + name));
    }

    public static void fuzzerTestOneInput(byte[] input) throws Throwable {
        Outcome o = Execution.run(target, input);
        if (o.kind() == Outcome.Kind.CRASH) {
            throw o.failure();
        }
        if (o.kind() == Outcome.Kind.MEMORY) {
            throw new IllegalStateException(target.name() + ": one input allocated " + o.allocatedBytes() + " bytes");
        }
    }
}
