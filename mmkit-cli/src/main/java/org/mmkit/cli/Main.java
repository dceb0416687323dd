package org.mmkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        System.exit(execute(args, Backends::create, new PrintWriter(System.out, true, System.out.charset()),
                new PrintWriter(System.err, true, System.err.charset())));
    }

    /**
     * Runs the command {@code args} name on {@code backends}, printing to {@code out} and {@code err};
     * returns the exit code. The common case, {@code run} or {@code diff} of files with no
     * option, runs without building the command line: picocli's classes are Java 5 class files,
     * which the AOT cache cannot hold, and loading, verifying and reflecting on them was most of
     * the CLI's start-up. Everything else goes through picocli.
     */
    static int execute(String[] args, BackendFactory backends, PrintWriter out, PrintWriter err) {
        ScenarioCommand plain = plainScenarioCommand(args, backends);
        if (plain != null) {
            return plain.run(Arrays.stream(args, 1, args.length).map(Path::of).toList(), out, err);
        }
        CommandLine mmkit = commandLine(backends);
        mmkit.setOut(out);
        mmkit.setErr(err);
        return mmkit.execute(args);
    }

    /** The scenario command {@code args} names if every other argument is a path (no option, no {@code @file}); else null. */
    private static ScenarioCommand plainScenarioCommand(String[] args, BackendFactory backends) {
        if (args.length < 2 || Arrays.stream(args, 1, args.length)
                .anyMatch(a -> a.isEmpty() || a.startsWith("-") || a.startsWith("@"))) {
            return null;
        }
        for (ScenarioCommand command : List.of(new RunCommand(backends), new DiffCommand(backends))) {
            if (command.name().equals(args[0])) {
                return command;
            }
        }
        return null;
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
