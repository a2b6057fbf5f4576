package io.egress.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The OSGi entry point of the headless command line; all logic lives in {@link CommandLine}. */
public final class EgressApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Map<?, ?> arguments = context.getArguments();
        String[] args = (String[]) arguments.get(IApplicationContext.APPLICATION_ARGS);
        List<String> list = args == null ? List.of() : Arrays.asList(args);
        PrintStream out = System.out;
        int code = new CommandLine(Commands.all()).run(list, out, System.err);
        out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands finish on their own; nothing to interrupt
    }
}
