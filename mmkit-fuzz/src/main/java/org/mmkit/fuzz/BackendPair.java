package org.mmkit.fuzz;

import java.util.function.Supplier;
import org.mmkit.backend.Backend;
import org.mmkit.scenario.Runner;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioResult;
import org.mmkit.scenario.TranscriptDifference;

/**
 * The two backends a fuzzer compares, each made fresh for every run so that runs do not leak into
 * each other: usually the model ({@code left}) and the kernel ({@code right}).
 */
public record BackendPair(String leftName, Supplier<Backend> left, String rightName, Supplier<Backend> right) {

    /**
     * One run of a scenario on both backends.
     *
     * @param left       what the left backend printed
     * @param right      what the right backend printed
     * @param difference where their transcripts first part, or null when they are the same
     */
    public record Comparison(ScenarioResult left, ScenarioResult right, TranscriptDifference difference) {
    }

    /**
     * Runs {@code scenario} on both backends.
     *
     * @throws IllegalStateException if a backend skips the scenario (it lacks a requirement)
     */
    public Comparison compare(Scenario scenario) {
        ScenarioResult l = run(leftName, left, scenario);
        ScenarioResult r = run(rightName, right, scenario);
        return new Comparison(l, r, TranscriptDifference.between(l, r));
    }

    /**
     * Runs {@code scenario} on both backends: the first difference of the transcripts, or null.
     *
     * @throws IllegalStateException if a backend skips the scenario (it lacks a requirement)
     */
    public TranscriptDifference difference(Scenario scenario) {
        return compare(scenario).difference();
    }

    private static ScenarioResult run(String name, Supplier<Backend> backends, Scenario scenario) {
        ScenarioResult result;
        try (Backend backend = backends.get()) {
            result = Runner.run(scenario, backend, false);
        }
        if (result.status() == ScenarioResult.Status.SKIPPED) {
            throw new IllegalStateException("the " + name + " backend cannot run " + scenario.file() + ": " + result.problem());
        }
        return result;
    }
}
