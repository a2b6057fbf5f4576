package io.egress.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches {@code egress COMMAND ARGS...} to a {@link Command}; prints help and usage errors. */
public final class CommandLine {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandLine(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(overview());
            return Command.USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                out.print(commands.get(args.get(1)).help());
            } else {
                out.print(overview());
            }
            return Command.OK;
        }
        if (first.equals("--version")) {
            out.println(Messages.get("version", Messages.version()));
            return Command.OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            err.println(Messages.get("unknownCommand", first));
            err.print(overview());
            return Command.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return Command.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(Messages.get("usageError", command.name(), e.getMessage()));
            err.println(Messages.get("seeHelp", command.name()));
            return Command.USAGE;
        } catch (RuntimeException e) {
            err.println(Messages.get("failed", command.name(), String.valueOf(e)));
            return Command.FAILURE;
        }
    }

    /** The text of {@code egress --help}. */
    public String overview() {
        StringBuilder sb = new StringBuilder(Messages.get("overviewHeader")).append('\n');
        for (Command c : commands.values()) {
            sb.append(String.format("  %-13s %s%n", c.name(), c.summary()));
        }
        sb.append(Messages.get("overviewFooter")).append('\n');
        return sb.toString();
    }
}
