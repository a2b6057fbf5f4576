package io.egress.cli.internal;

import java.util.List;

import io.egress.cli.internal.analyze.AnalyzeCommand;
import io.egress.cli.internal.backtest.BacktestCommand;
import io.egress.cli.internal.capture.CaptureCommand;
import io.egress.cli.internal.connections.ConnectionsCommand;
import io.egress.cli.internal.diff.DiffCommand;
import io.egress.cli.internal.ip.IpCommand;
import io.egress.cli.internal.workspace.WorkspaceCommand;

/** The sub-commands of {@code egress}, in the order {@code --help} lists them. */
public final class Commands {
    private Commands() {
    }

    public static List<Command> all() {
        return List.of(new ConnectionsCommand(), new AnalyzeCommand(), new IpCommand(), new CaptureCommand(), new BacktestCommand(),
                new WorkspaceCommand(), new DiffCommand());
    }
}
