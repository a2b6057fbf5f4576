package io.egress.cli.internal;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code egress}. Exit codes: 0 ok, 1 failure, 2 usage. */
public interface Command {
    int OK = 0;
    int FAILURE = 1;
    int USAGE = 2;

    /** The word typed after {@code egress}, e.g. {@code connections}. */
    String name();

    /** One line for {@code egress --help}. */
    String summary();

    /** The full help text of this command (usage line, options, examples). */
    String help();

    /** Runs with the arguments after the command word. Data goes to out, messages to err. */
    int run(List<String> args, PrintStream out, PrintStream err);
}
