package org.mmkit.cli;

import java.io.PrintWriter;
import org.mmkit.backend.Backend;
import org.mmkit.core.KernelConfig;
import org.mmkit.scenario.Runner;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmkit run}: runs scenarios on one backend, printing each transcript and a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs scenarios on one backend and prints their transcripts.")
final class RunCommand extends ScenarioCommand {
    @Option(names = "--backend", paramLabel = "model|linux",
            description = "Where to run: the model (default) or this machine's kernel.")
    private String backendName = Backends.MODEL;

    @Option(names = {"-v", "--verbose"}, description = "Also show raw addresses and PFNs.")
    private boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print transcripts of failed scenarios only.")
    private boolean quiet;

    private int passed;
    private int failed;
    private int skipped;
    private String firstFailure;

    RunCommand(BackendFactory backends) {
        super(backends);
    }

    @Override
    void handle(Scenario scenario, PrintWriter out) throws BackendFactory.UnavailableException {
        ScenarioResult result;
        try (Backend backend = backends.create(backendName, KernelConfig.linux618())) {
            result = Runner.run(scenario, backend, verbose);
        }
        switch (result.status()) {
            case PASSED -> passed++;
            case SKIPPED -> skipped++;
            case FAILED -> {
                failed++;
                if (firstFailure == null) {
                    firstFailure = result.problem();
                }
            }
        }
        boolean showTranscript = !quiet || result.status() == ScenarioResult.Status.FAILED;
        if (showTranscript && result.status() != ScenarioResult.Status.SKIPPED) {
            out.println("== " + scenario.file() + " (" + backendName + ")");
            result.transcript().forEach(out::println);
        }
        out.println(switch (result.status()) {
            case PASSED -> "PASS " + scenario.file();
            case FAILED -> "FAIL " + scenario.file();
            case SKIPPED -> "SKIP " + scenario.file() + ": " + result.problem();
        });
    }

    @Override
    int summarize(int total, int invalid, PrintWriter out) {
        out.println(total + " scenarios: " + passed + " passed, " + (failed + invalid) + " failed, "
                + skipped + " skipped");
        if (firstFailure != null) {
            out.println("first failure: " + firstFailure);
        }
        return failed > 0 ? Main.FAILED : Main.OK;
    }
}
