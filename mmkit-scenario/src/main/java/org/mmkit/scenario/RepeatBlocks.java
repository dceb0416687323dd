package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unrolls {@code repeat N:} and {@code repeat N as NAME:} blocks before the lines are parsed: the
 * lines indented below such a line run N times (N from 1 to {@link #MAX_COUNT}), and in the
 * {@code as} form every word NAME outside strings reads as the iteration's number, from 0. Blocks
 * nest. Each unrolled line keeps its own line number, so errors and the transcript point to the
 * file, and prints with the number in place of NAME ({@code store(a+2*PAGE, 1, 2)}).
 */
final class RepeatBlocks {
    /** The most times one block runs. */
    static final int MAX_COUNT = 10_000;
    /** The most lines the blocks of a scenario may add to it. */
    static final int MAX_ADDED_LINES = 100_000;

    private static final Pattern HEADER = Pattern.compile("repeat\\s+(\\S+?)(?:\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*))?\\s*:");

    /** A line of the file: its 1-based number and text. */
    record Line(int number, String text) {
    }

    private final String file;
    /** The index names of every block, which cannot name anything else. */
    private final Set<String> indexNames;
    private final List<Line> out = new ArrayList<>();
    /** The most lines {@link #out} may hold: the file's own and {@link #MAX_ADDED_LINES}. */
    private final int maxLines;

    private RepeatBlocks(String file, Set<String> indexNames, int fileLines) {
        this.file = file;
        this.indexNames = indexNames;
        this.maxLines = fileLines + MAX_ADDED_LINES;
    }

    /**
     * The lines with every block unrolled; the index names found are added to {@code indexNames}.
     *
     * @throws ScenarioSyntaxException for a malformed {@code repeat} line, a count out of range, a
     *         block with no lines, or blocks adding more than {@link #MAX_ADDED_LINES} lines
     */
    static List<Line> unroll(String file, String[] lines, Set<String> indexNames) throws ScenarioSyntaxException {
        List<Line> numbered = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            numbered.add(new Line(i + 1, lines[i]));
        }
        RepeatBlocks blocks = new RepeatBlocks(file, indexNames, lines.length);
        blocks.emit(numbered);
        return blocks.out;
    }

    private void emit(List<Line> lines) throws ScenarioSyntaxException {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String code = line.text.strip();
            if (!isRepeat(code)) {
                add(line);
                continue;
            }
            Matcher header = HEADER.matcher(code);
            if (!header.matches()) {
                throw error(line, "expected 'repeat COUNT:' or 'repeat COUNT as NAME:'");
            }
            int count = count(line, header.group(1));
            String index = header.group(2);
            if (index != null) {
                indexNames.add(index);
            }
            int indent = indent(line.text);
            List<Line> block = new ArrayList<>();
            int next = i + 1;
            while (next < lines.size() && (lines.get(next).text.isBlank() || indent(lines.get(next).text) > indent)) {
                block.add(lines.get(next++));
            }
            while (!block.isEmpty() && block.getLast().text.isBlank()) {
                block.removeLast();
                next--;
            }
            if (block.isEmpty()) {
                throw error(line, "a repeat block needs lines indented below it");
            }
            for (Line inner : block) {
                Matcher nested = HEADER.matcher(inner.text.strip());
                if (index != null && nested.matches() && index.equals(nested.group(2))) {
                    throw error(inner, "'" + index + "' already names the index of an enclosing repeat block");
                }
            }
            for (int n = 0; n < count; n++) {
                List<Line> iteration = new ArrayList<>();
                for (Line inner : block) {
                    iteration.add(index == null ? inner : new Line(inner.number, substitute(inner.text, index, n)));
                }
                emit(iteration);
            }
            i = next - 1;
        }
    }

    /** Whether a line is a {@code repeat} header: the word, then anything but a '(' or '=' (a call or binding). */
    private static boolean isRepeat(String code) {
        return code.startsWith("repeat") && (code.length() == 6 || Character.isWhitespace(code.charAt(6))
                || code.charAt(6) == ':');
    }

    private int count(Line line, String text) throws ScenarioSyntaxException {
        long count;
        try {
            count = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(line, "the repeat count must be a number, found '" + text + "'");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw error(line, "the repeat count must be from 1 to " + MAX_COUNT + ", found " + text);
        }
        return (int) count;
    }

    private void add(Line line) throws ScenarioSyntaxException {
        if (out.size() == maxLines) {
            throw error(line, "the repeat blocks add more than " + MAX_ADDED_LINES + " lines");
        }
        out.add(line);
    }

    /** Columns of leading blanks; a tab counts as one, so blocks should not mix tabs and spaces. */
    private static int indent(String text) {
        int n = 0;
        while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** The text with each word {@code name} outside strings replaced by {@code value}. */
    private static String substitute(String text, String name, int value) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (inString && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            if (!inString && (Character.isLetter(c) || c == '_')) {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String word = text.substring(i, end);
                out.append(word.equals(name) ? Integer.toString(value) : word);
                i = end;
                continue;
            }
            if (!inString && Character.isDigit(c)) {
                // a number (0x1f, 12) is one word: its letters are not names
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                out.append(text, i, end);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private ScenarioSyntaxException error(Line line, String problem) {
        return new ScenarioSyntaxException(file, line.number, problem);
    }
}
