package io.egress.cli.internal.backtest;

import io.egress.cli.internal.Command;
import io.egress.cli.internal.UsageException;
import java.util.List;

/**
 * Runs {@code egress backtest} as a plain Java program (no OSGi: the built-in detectors only), for
 * benchmark scripts that compile the sources instead of building the product.
 */
public final class BacktestMain {
    private BacktestMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new BacktestCommand().run(List.of(args), System.out, System.err);
        } catch (UsageException e) {
            System.err.println("egress backtest: " + e.getMessage());
            status = Command.USAGE;
        }
        System.exit(status);
    }
}
