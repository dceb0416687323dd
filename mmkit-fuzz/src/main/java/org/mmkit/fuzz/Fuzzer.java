package org.mmkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioParser;
import org.mmkit.scenario.ScenarioSyntaxException;
import org.mmkit.scenario.TranscriptDifference;

/**
 * Differential fuzzing: generates the scenario of a seed, runs it on both backends and, when the
 * transcripts differ, reduces it to a smallest scenario that still differs at the same step.
 */
public final class Fuzzer {
    private final BackendPair backends;

    /** A fuzzer that compares the two backends of {@code backends}. */
    public Fuzzer(BackendPair backends) {
        this.backends = backends;
    }

    /**
     * A divergence, ready to be written as a scenario file anyone can rerun with {@code mmkit diff}.
     *
     * @param seed      the seed whose scenario differed
     * @param ops       its number of steps
     * @param scenario  the whole generated scenario
     * @param firstRun  the run that differed, with both transcripts
     * @param reduction the reduced scenario, or null when the difference did not come back when the
     *                  scenario ran again: a flaky divergence, kept whole
     * @param leftName  the left backend's name
     * @param rightName the right backend's name
     */
    public record Finding(long seed, int ops, String scenario, BackendPair.Comparison firstRun,
            Reducer.Reduction reduction, String leftName, String rightName) {

        /** Whether the difference did not come back when the scenario ran again, so it was not reduced. */
        public boolean flaky() {
            return reduction == null;
        }

        /** The file name of the finding, without extension: {@code seed-S-ops-N}. */
        public String name() {
            return "seed-" + seed + "-ops-" + ops;
        }

        /** The lines of the generated scenario. */
        public int originalLines() {
            return scenario.strip().split("\n").length;
        }

        /** Where the transcripts part: in the reduced scenario, or in the first run of a flaky one. */
        public TranscriptDifference difference() {
            return flaky() ? firstRun.difference() : reduction.difference();
        }

        /**
         * The scenario to write, after a header saying where it comes from and how the backends
         * differ: the reduced one, or the whole one of a flaky divergence.
         */
        public String text() {
            TranscriptDifference d = difference();
            List<String> out = new ArrayList<>();
            if (flaky()) {
                out.add("# Found by mmkit fuzz --seed " + seed + " --ops " + ops + ": FLAKY, the transcripts differed once"
                        + " but not at the same step when the scenario ran again, so it was not reduced.");
                out.add("# Both transcripts of the run that differed: " + transcriptName(leftName) + ", "
                        + transcriptName(rightName) + ". The transcripts first differed at transcript line "
                        + (d.index() + 1) + ":");
            } else {
                out.add("# Found by mmkit fuzz --seed " + seed + " --ops " + ops + ", reduced from " + originalLines()
                        + " to " + reduction.lines().size() + " lines; rerun with mmkit diff.");
                out.add("# The transcripts first differ at transcript line " + (d.index() + 1) + ":");
            }
            out.add("#   " + leftName + ": " + d.left());
            out.add("#   " + rightName + ": " + d.right());
            out.add(flaky() ? scenario : String.join("\n", reduction.lines()));
            return String.join("\n", out).strip() + "\n";
        }

        /** The file name of the first run's transcript on the backend {@code backend}. */
        public String transcriptName(String backend) {
            return name() + "." + backend + ".txt";
        }
    }

    /**
     * Runs the scenario of {@code seed}; the divergence, reduced or (when it did not come back)
     * whole, or null when both backends print the same.
     */
    public Finding fuzz(long seed, int ops) {
        return check(seed, ops, ScenarioGenerator.generate(seed, ops));
    }

    /** {@link #fuzz} for the scenario {@code text}, as if generated for {@code seed} and {@code ops}. */
    Finding check(long seed, int ops, String text) {
        BackendPair.Comparison run = backends.compare(parse(seed, text));
        TranscriptDifference difference = run.difference();
        if (difference == null) {
            return null;
        }
        // a difference no step printed (a process failing to exit at the end) cannot be traced to a line
        Reducer.Reduction reduction = difference.source() == 0
                ? new Reducer.Reduction(List.of(text.split("\n")), difference, 0)
                : Reducer.reduce(text, difference.source(), ScenarioGenerator.PROLOGUE_LINES, backends::difference)
                        .orElse(null);
        return new Finding(seed, ops, text, run, reduction, backends.leftName(), backends.rightName());
    }

    private static Scenario parse(long seed, String text) {
        try {
            return ScenarioParser.parse("seed-" + seed + ".mms", text);
        } catch (ScenarioSyntaxException e) {
            throw new IllegalStateException("the generator wrote a scenario that does not parse: " + e.getMessage(), e);
        }
    }
}
