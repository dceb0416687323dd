package org.mmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code run} and {@code diff} share: finding the scenario files, parsing each (an invalid
 * file is reported as {@code file:line: problem} and the others still run), then a summary.
 */
abstract class ScenarioCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "Scenario files, or directories: every file named *.mms below them.")
    private List<Path> paths;

    @Spec
    private CommandSpec spec;

    final BackendFactory backends;

    ScenarioCommand(BackendFactory backends) {
        this.backends = backends;
    }

    @Override
    public final Integer call() {
        return run(paths, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command's name, as its {@link Command} annotation gives it. */
    final String name() {
        return getClass().getAnnotation(Command.class).name();
    }

    /**
     * Runs the scenarios found in {@code paths} with the command's options as they stand (their
     * defaults when picocli did not parse the command line: {@link Main#execute}).
     *
     * @return the exit code
     */
    final int run(List<Path> paths, PrintWriter out, PrintWriter err) {
        List<Path> files;
        try {
            files = ScenarioFiles.collect(paths);
        } catch (NoSuchFileException e) {
            err.println("mmkit: no such file or directory: " + e.getFile());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("mmkit: " + e);
            return Main.USAGE;
        }
        if (files.isEmpty()) {
            // a mistyped path in a CI script must not pass silently
            err.println("mmkit " + name() + ": no scenario files (*.mms) in "
                    + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return Main.USAGE;
        }
        int invalid = 0;
        for (Path file : files) {
            Scenario scenario;
            try {
                scenario = ScenarioFiles.load(file);
            } catch (ScenarioSyntaxException e) {
                err.println(e.getMessage());
                invalid++;
                continue;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                invalid++;
                continue;
            }
            try {
                handle(scenario, out);
            } catch (BackendFactory.UnavailableException e) {
                err.println("mmkit: " + e.getMessage());
                return Main.USAGE;
            }
            out.flush();
        }
        int code = summarize(files.size(), invalid, out);
        out.flush();
        return invalid > 0 ? Main.USAGE : code;
    }

    /** Runs one valid scenario and prints its outcome. */
    abstract void handle(Scenario scenario, PrintWriter out) throws BackendFactory.UnavailableException;

    /** Prints the totals ({@code invalid} files could not be parsed) and returns the exit code. */
    abstract int summarize(int total, int invalid, PrintWriter out);
}
