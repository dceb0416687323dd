package org.mmkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mmkit} command. Exit codes: 0 all passed (or all the same), 1 a scenario failed or
 * the backends differ, 2 usage errors, unreadable or invalid scenarios, unavailable backends.
 */
@Command(name = "mmkit", mixinStandardHelpOptions = true, version = "mmkit 0.1.0",
        description = "The Linux memory-management subsystem, modelled exactly.")
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the real backends. */
    static CommandLine commandLine() {
        return commandLine(Backends::create);
    }

    /** The command line with backends from {@code backends}: tests run commands in process on a fake. */
    static CommandLine commandLine(BackendFactory backends) {
        CommandLine mmkit = new CommandLine(new Main())
                .addSubcommand(new RunCommand(backends))
                .addSubcommand(new DiffCommand(backends))
                .addSubcommand(new FuzzCommand(backends))
                .addSubcommand(new BenchCommand())
                .addSubcommand(new CommandLine.HelpCommand());
        mmkit.setParameterExceptionHandler(Main::usageError);
        return mmkit;
    }

    /** A usage error: an unknown command is named as such, anything else as picocli words it. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cmd.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            err.println("mmkit: unknown command '" + unmatched.getUnmatched().getFirst() + "' (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")");
        } else {
            err.println(e.getMessage());
            cmd.usage(err);
        }
        return USAGE;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("mmkit: a command is needed");
        spec.commandLine().usage(err);
        return USAGE;
    }
}
