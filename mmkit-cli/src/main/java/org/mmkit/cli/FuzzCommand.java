package org.mmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmkit.backend.Backend;
import org.mmkit.core.KernelConfig;
import org.mmkit.fuzz.BackendPair;
import org.mmkit.fuzz.Fuzzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmkit fuzz}: generates random scenarios from successive seeds, runs each on the model and
 * on the kernel, and stops at the first divergence, which it reduces and writes as a scenario file.
 * A divergence that does not come back when rerun is flaky: it is written whole, with both
 * transcripts, and the run goes on. Exit codes: 0 no divergence, 1 a divergence (reduced or flaky)
 * was found and written, 2 usage errors.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Runs random scenarios on the model and on this machine's kernel until they differ.")
final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "1", description = "The first seed (default ${DEFAULT-VALUE}).")
    private long seed;

    /**
     * The most steps one scenario may have: a scenario prints nothing until it ends, and one of
     * 10,000 steps takes seconds and hundreds of MB on the model.
     */
    static final int MAX_OPS = 10_000;

    @Option(names = "--ops", defaultValue = "100", paramLabel = "N",
            description = "Steps per scenario, 1 to " + MAX_OPS + " (default ${DEFAULT-VALUE}).")
    private int ops;

    @Option(names = "--time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Keep trying successive seeds for this long: 600 or 600s, 10m, 1h (default: one seed).")
    private Duration time;

    @Option(names = "--out", defaultValue = "fuzz-findings", paramLabel = "DIR",
            description = "Where to write a reduced divergence (default ${DEFAULT-VALUE}).")
    private Path out;

    @Spec
    private CommandSpec spec;

    private final BackendFactory backends;
    /** The model's configuration: like this machine's kernel ({@link MachineProfile}). */
    private KernelConfig machineProfile;

    FuzzCommand(BackendFactory backends) {
        this.backends = backends;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String invalid = ops < 0 ? "--ops " + ops + ": the number of steps cannot be negative"
                : ops == 0 ? "--ops 0: a scenario needs at least 1 step"
                : ops > MAX_OPS ? "--ops " + ops + ": at most " + MAX_OPS + " steps per scenario"
                : time != null && time.isNegative() ? "--time " + time.toSeconds() + "s: a duration cannot be negative"
                : null;
        if (invalid != null) {
            err.println("mmkit fuzz: " + invalid);
            return Main.USAGE;
        }
        try {
            // fail early and plainly when a backend cannot run here, before any scenario
            machineProfile = MachineProfile.probe(backends);
            backends.create(Backends.MODEL, machineProfile).close();
        } catch (BackendFactory.UnavailableException e) {
            err.println("mmkit: " + e.getMessage());
            return Main.USAGE;
        }
        Fuzzer fuzzer = new Fuzzer(new BackendPair(Backends.MODEL, () -> create(Backends.MODEL),
                Backends.LINUX, () -> create(Backends.LINUX)));
        long deadline = System.nanoTime() + (time == null ? 0 : time.toNanos());
        int tried = 0;
        int flaky = 0;
        try {
            for (long s = seed; tried == 0 || System.nanoTime() < deadline; s++) {
                tried++;
                Fuzzer.Finding finding = fuzzer.fuzz(s, ops);
                if (finding == null) {
                    stdout.println("same     seed " + s + " (" + ops + " steps)");
                    stdout.flush();
                    continue;
                }
                Path file = write(finding);
                if (finding.flaky()) {
                    flaky++;
                    stdout.println("FLAKY    seed " + s + ": differed once, not when rerun; kept whole with both transcripts: "
                            + file);
                } else {
                    stdout.println("DIFFERS  seed " + s + ": reduced from " + finding.originalLines() + " to "
                            + finding.reduction().lines().size() + " lines in " + finding.reduction().runs() + " runs: "
                            + file);
                }
                finding.difference().print(stdout, Backends.MODEL, Backends.LINUX);
                stdout.flush();
                if (!finding.flaky()) {
                    return Main.FAILED;
                }
            }
        } catch (IllegalStateException e) {
            err.println("mmkit fuzz: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("mmkit fuzz: cannot write the finding: " + e.getMessage());
            return Main.USAGE;
        }
        if (flaky > 0) {
            stdout.println(tried + " scenarios of " + ops + " steps: " + flaky + " flaky "
                    + (flaky == 1 ? "divergence" : "divergences") + ", written to " + out);
            return Main.FAILED;
        }
        stdout.println(tried + " scenarios of " + ops + " steps: no divergence");
        return Main.OK;
    }

    /** Writes the finding's scenario and, for a flaky one, both transcripts of the run that differed. */
    private Path write(Fuzzer.Finding finding) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(finding.name() + ".mms");
        Files.writeString(file, finding.text());
        if (finding.flaky()) {
            BackendPair.Comparison run = finding.firstRun();
            writeTranscript(finding.transcriptName(finding.leftName()), run.left().transcript());
            writeTranscript(finding.transcriptName(finding.rightName()), run.right().transcript());
        }
        return file;
    }

    private void writeTranscript(String name, List<String> transcript) throws IOException {
        Files.writeString(out.resolve(name), String.join("\n", transcript) + "\n");
    }

    private Backend create(String name) {
        try {
            return backends.create(name, machineProfile);
        } catch (BackendFactory.UnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
