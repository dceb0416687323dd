package org.mmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmkit.bench.BenchReport;
import org.mmkit.bench.BenchRunner;
import org.mmkit.bench.KernelProgram;
import org.mmkit.bench.Measurement;
import org.mmkit.bench.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmkit bench}: measures the model and this machine's kernel side by side, interleaved
 * (kernel, model, kernel, model…), and prints the medians and their ratio (docs/performance.md).
 * Exit codes: 0 measured, 2 usage errors, a missing kernel-side program, an unwritable output.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the model against this machine's kernel and prints medians and ratios (model / kernel).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Samples per side and row, interleaved (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--quick", description = "Each row once, briefly and without warm-up: that every benchmark works (CI).")
    private boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table and every sample as JSON.")
    private Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown.")
    private Path markdown;

    @Parameters(paramLabel = "ROW", arity = "0..*",
            description = "Only these rows, by name (e.g. maps-60k, vma-lookup; docs/performance.md lists them).")
    private List<String> rows = List.of();

    @Spec
    private CommandSpec spec;

    /** Runs the rows: the real runner, or in tests one that returns made-up results. */
    interface Runner {
        List<Result> run(List<Measurement> rows, int rounds, boolean quick, PrintWriter progress);
    }

    private final Runner runner;

    BenchCommand() {
        this((rows, rounds, quick, progress) -> new BenchRunner(KernelProgram.locate(), rounds, quick, title -> {
            progress.println("measuring: " + title);
            progress.flush();
        }).run(rows));
    }

    BenchCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1) {
            err.println("mmkit bench: --rounds " + rounds + ": at least 1 round");
            return Main.USAGE;
        }
        List<Measurement> selected;
        try {
            selected = rows.isEmpty() ? List.of(Measurement.values()) : rows.stream().map(Measurement::byKey).toList();
        } catch (IllegalArgumentException e) {
            err.println("mmkit bench: " + e.getMessage());
            return Main.USAGE;
        }
        int samples = quick ? 1 : rounds;
        BenchReport report;
        try {
            report = new BenchReport(runner.run(selected, samples, quick, err), samples);
        } catch (IllegalStateException e) {
            err.println("mmkit bench: " + e.getMessage());
            return Main.USAGE;
        }
        out.print(report.text());
        out.flush();  // print does not flush, and main exits right after
        try {
            if (json != null) {
                Files.writeString(json, report.json());
            }
            if (markdown != null) {
                Files.writeString(markdown, report.markdown());
            }
        } catch (IOException e) {
            err.println("mmkit bench: cannot write " + e.getMessage());
            return Main.USAGE;
        }
        return Main.OK;
    }
}
