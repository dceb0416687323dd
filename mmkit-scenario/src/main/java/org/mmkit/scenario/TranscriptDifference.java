package org.mmkit.scenario;

import java.io.PrintWriter;
import java.util.List;

/**
 * Where the transcripts of one scenario on two backends part: the first line that differs (a
 * missing line differs too).
 *
 * @param index      the 0-based index of the first differing transcript line
 * @param lastCommon the line before it, or null when the transcripts differ from the start
 * @param left       the left transcript's line there, or {@code (transcript ends)}
 * @param right      the right transcript's line there, or {@code (transcript ends)}
 * @param source     the scenario line whose step printed the earlier of the two differing lines:
 *                   where the backends' behaviour first differed (0 when neither was printed by a step)
 */
public record TranscriptDifference(int index, String lastCommon, String left, String right, int source) {
    private static final String ENDED = "(transcript ends)";

    /** The first difference between the transcripts of {@code left} and {@code right}, or null if they are the same. */
    public static TranscriptDifference between(ScenarioResult left, ScenarioResult right) {
        List<String> l = left.transcript();
        List<String> r = right.transcript();
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            if (i >= l.size() || i >= r.size() || !l.get(i).equals(r.get(i))) {
                return new TranscriptDifference(i, i > 0 ? l.get(i - 1) : null, lineAt(l, i), lineAt(r, i),
                        earlierSource(left.sources(), right.sources(), i));
            }
        }
        return null;
    }

    /**
     * Prints the last common line and the two differing lines, each labelled with its backend:
     * <pre>
     *          store(a, 1, 1)
     *   model: pagemap(a, 1) == present|exclusive@P1
     *   linux: pagemap(a, 1) == present@P1
     * </pre>
     */
    public void print(PrintWriter out, String leftName, String rightName) {
        if (lastCommon != null) {
            out.println("         " + lastCommon);
        }
        out.println("  " + leftName + ": " + left);
        out.println("  " + rightName + ": " + right);
    }

    private static String lineAt(List<String> lines, int i) {
        return i < lines.size() ? lines.get(i) : ENDED;
    }

    private static int earlierSource(List<Integer> left, List<Integer> right, int i) {
        if (i >= left.size()) {
            return right.get(i);
        }
        if (i >= right.size()) {
            return left.get(i);
        }
        int l = left.get(i);
        int r = right.get(i);
        return l == 0 || r == 0 ? Math.max(l, r) : Math.min(l, r);
    }
}
