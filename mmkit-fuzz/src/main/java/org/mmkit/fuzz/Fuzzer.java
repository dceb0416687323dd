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

    public Fuzzer(BackendPair backends) {
        this.backends = backends;
    }

    /** A reduced divergence, ready to be written as a scenario file anyone can rerun with {@code mmkit diff}. */
    public record Finding(long seed, int ops, int originalLines, Reducer.Reduction reduction, String leftName,
            String rightName) {

        /** The reduced scenario, after a header saying where it comes from and how the backends differ. */
        public String text() {
            TranscriptDifference d = reduction.difference();
            List<String> out = new ArrayList<>();
            out.add("# Found by mmkit fuzz --seed " + seed + " --ops " + ops + ", reduced from " + originalLines
                    + " to " + reduction.lines().size() + " lines; rerun with mmkit diff.");
            out.add("# The transcripts first differ at transcript line " + (d.index() + 1) + ":");
            out.add("#   " + leftName + ": " + d.left());
            out.add("#   " + rightName + ": " + d.right());
            out.addAll(reduction.lines());
            return String.join("\n", out).strip() + "\n";
        }
    }

    /** Runs the scenario of {@code seed}; the reduced divergence, or null when both backends print the same. */
    public Finding fuzz(long seed, int ops) {
        String text = ScenarioGenerator.generate(seed, ops);
        TranscriptDifference difference = backends.difference(parse(seed, text));
        if (difference == null) {
            return null;
        }
        // a difference no step printed (a process failing to exit at the end) cannot be traced to a line
        Reducer.Reduction reduction = difference.source() == 0
                ? new Reducer.Reduction(List.of(text.split("\n")), difference, 0)
                : Reducer.reduce(text, difference.source(), ScenarioGenerator.PROLOGUE_LINES, backends::difference);
        return new Finding(seed, ops, text.strip().split("\n").length, reduction, backends.leftName(),
                backends.rightName());
    }

    private static Scenario parse(long seed, String text) {
        try {
            return ScenarioParser.parse("seed-" + seed + ".mms", text);
        } catch (ScenarioSyntaxException e) {
            throw new IllegalStateException("the generator wrote a scenario that does not parse: " + e.getMessage(), e);
        }
    }
}
