package org.mmkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mmkit.scenario.Scenario;
import org.mmkit.scenario.ScenarioParser;
import org.mmkit.scenario.ScenarioSyntaxException;
import org.mmkit.scenario.TranscriptDifference;

/**
 * Shrinks a scenario whose transcripts differ to a smallest one that still differs at the same
 * step: delta debugging over lines. It removes chunks of lines, halving the chunk size whenever no
 * chunk can go, down to single lines, so the result is 1-minimal: taking away any one more line
 * loses the difference.
 *
 * <p>A candidate keeps the scenario valid: when removing lines leaves a line that uses a name (a
 * result or a process) whose defining line went, that line goes too (the parser says which line,
 * repeatedly, until the candidate parses). {@code requires:} and {@code divergence:} lines always
 * stay, and so does a fixed prologue: the generator's setup that keeps the executor's own
 * environment out of the way, without which a candidate could differ for that reason alone. A candidate counts only if its transcripts first differ at a line printed by the same
 * original step as in the full scenario, so the reduction cannot drift to another divergence.
 *
 * <p>The kernel is not always deterministic (which frame it hands out, what reclaim ages), so a
 * difference may not come back: when neither the scenario up to the differing step nor the whole
 * scenario differs there again, there is nothing to reduce and the caller keeps it whole.
 */
public final class Reducer {
    private final List<String> lines;
    private final int target;
    private final int prologue;
    private final Function<Scenario, TranscriptDifference> compare;
    private int runs;

    private Reducer(List<String> lines, int target, int prologue, Function<Scenario, TranscriptDifference> compare) {
        this.lines = lines;
        this.target = target;
        this.prologue = prologue;
        this.compare = compare;
    }

    /** A reduced scenario: its lines, where its transcripts part, and how many runs it took. */
    public record Reduction(List<String> lines, TranscriptDifference difference, int runs) {
        public Reduction {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Reduces {@code text}, whose transcripts differed at a line printed by the step on line
     * {@code sourceLine} (1-based), as {@code compare} tells for each candidate; the first
     * {@code prologue} lines always stay. Empty when the difference does not come back at that
     * step, neither for the scenario up to it nor for the whole one.
     */
    public static Optional<Reduction> reduce(String text, int sourceLine, int prologue,
            Function<Scenario, TranscriptDifference> compare) {
        return new Reducer(List.of(text.split("\n", -1)), sourceLine - 1, prologue, compare).reduce();
    }

    private Optional<Reduction> reduce() {
        // nothing after the step that differs can matter: start from the prefix up to it
        List<Integer> kept = IntStream.rangeClosed(0, target).boxed().collect(Collectors.toCollection(ArrayList::new));
        Attempt best = attempt(kept);
        if (best == null) {
            best = attempt(IntStream.range(0, lines.size()).boxed().toList());
            if (best == null) {
                return Optional.empty();
            }
        }
        for (int chunk = Math.max(1, best.kept().size() / 2); ; ) {
            boolean removed = false;
            for (int start = 0; start < best.kept().size(); ) {
                List<Integer> candidate = new ArrayList<>(best.kept());
                candidate.subList(start, Math.min(start + chunk, candidate.size())).clear();
                Attempt attempt = attempt(candidate);
                // a candidate may get back what it lost (directives always stay): only a smaller one counts
                if (attempt != null && attempt.kept().size() < best.kept().size()) {
                    best = attempt;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (chunk == 1 && !removed) {
                break;
            }
            chunk = removed ? Math.max(1, Math.min(chunk, best.kept().size() / 2)) : Math.max(1, chunk / 2);
        }
        return Optional.of(new Reduction(best.kept().stream().map(lines::get).toList(), best.difference(), runs));
    }

    /** A candidate that still differs at the target step: the original lines it keeps, and the difference. */
    private record Attempt(List<Integer> kept, TranscriptDifference difference) {
    }

    /** The candidate made valid and tested, or null if it loses the target step or the difference. */
    private Attempt attempt(List<Integer> candidate) {
        List<Integer> kept = new ArrayList<>(candidate);
        for (int i = 0; i < lines.size(); i++) {
            if ((i < prologue || isDirective(lines.get(i))) && !kept.contains(i)) {
                kept.add(i);
            }
        }
        kept.sort(null);
        Scenario scenario;
        while (true) {
            if (!kept.contains(target)) {
                return null;
            }
            try {
                scenario = ScenarioParser.parse("reduced.mms", text(kept));
                break;
            } catch (ScenarioSyntaxException e) {
                // a line that uses a name whose definition was removed: it cannot stay either
                kept.remove(e.line() - 1);
            }
        }
        runs++;
        TranscriptDifference difference = compare.apply(scenario);
        if (difference == null || difference.source() == 0 || kept.get(difference.source() - 1) != target) {
            return null;
        }
        return new Attempt(List.copyOf(kept), difference);
    }

    private String text(List<Integer> kept) {
        return kept.stream().map(lines::get).collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean isDirective(String line) {
        String s = line.strip();
        return s.startsWith("requires:") || s.startsWith("divergence:");
    }
}
