package org.mmkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mmkit.backend.Backend;
import org.mmkit.core.KernelConfig;
import org.mmkit.scenario.Runner;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioResult;
import org.mmkit.scenario.TranscriptDifference;
import picocli.CommandLine.Command;

/**
 * {@code mmkit diff}: runs each scenario on the model and on the kernel and compares the two
 * transcripts line by line. A difference in a scenario that declares {@code divergence:} is
 * reported but does not fail the command. The model runs as configured like this machine's kernel
 * ({@link MachineProfile}), so that a boot or build choice of the host is not reported as a difference.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Runs scenarios on the model and on this machine's kernel and compares the transcripts.")
final class DiffCommand extends ScenarioCommand {
    private int same;
    private int different;
    private int declared;
    private final List<String> skipped = new ArrayList<>();
    /** Found from the kernel backend before the first scenario. */
    private KernelConfig machineProfile;

    DiffCommand(BackendFactory backends) {
        super(backends);
    }

    @Override
    void handle(Scenario scenario, PrintWriter out) throws BackendFactory.UnavailableException {
        ScenarioResult model = runOn(Backends.MODEL, scenario);
        ScenarioResult linux = runOn(Backends.LINUX, scenario);
        for (ScenarioResult r : List.of(model, linux)) {
            if (r.status() == ScenarioResult.Status.SKIPPED) {
                String reason = scenario.file() + ": " + (r == model ? "model" : "linux") + " " + r.problem();
                skipped.add(reason);
                out.println("skipped " + reason);
                return;
            }
        }
        TranscriptDifference difference = TranscriptDifference.between(model, linux);
        if (difference == null) {
            same++;
            out.println("same     " + scenario.file());
            return;
        }
        if (scenario.divergence() != null) {
            declared++;
            out.println("diverges " + scenario.file() + " (declared: " + scenario.divergence() + ")");
        } else {
            different++;
            out.println("DIFFERS  " + scenario.file() + " at transcript line " + (difference.index() + 1) + ":");
        }
        difference.print(out, Backends.MODEL, Backends.LINUX);
    }

    @Override
    int summarize(int total, int invalid, PrintWriter out) {
        out.println(total + " scenarios: " + same + " same, " + different + " different, " + declared
                + " declared divergences, " + skipped.size() + " skipped" + (invalid > 0 ? ", " + invalid + " invalid" : ""));
        skipped.forEach(s -> out.println("  skipped " + s));
        return different > 0 ? Main.FAILED : Main.OK;
    }

    private ScenarioResult runOn(String backendName, Scenario scenario) throws BackendFactory.UnavailableException {
        if (machineProfile == null) {
            machineProfile = MachineProfile.probe(backends);
        }
        try (Backend backend = backends.create(backendName, machineProfile)) {
            return Runner.run(scenario, backend, false);
        }
    }
}
