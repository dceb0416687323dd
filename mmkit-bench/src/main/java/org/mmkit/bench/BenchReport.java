package org.mmkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The table of a run: per row the medians of both sides and the ratio model / baseline, as text
 * for the terminal, as Markdown for docs/performance.md, and as JSON with every sample.
 */
public final class BenchReport {
    private static final String[] HEADER = {"measure", "kernel", "model", "ratio"};
    private final List<Result> results;
    private final int rounds;

    /**
     * @param results the rows
     * @param rounds the samples per side and row
     */
    public BenchReport(List<Result> results, int rounds) {
        this.results = List.copyOf(results);
        this.rounds = rounds;
    }

    /** @return an aligned table, one line per row, the baseline named where it is not the kernel */
    public String text() {
        List<String[]> lines = cells();
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                boolean last = i == line.length - 1;
                out.append(i == 0 ? pad(line[i], widths[i]) : padLeft(line[i], widths[i])).append(last ? "\n" : "  ");
            }
        }
        return out.toString();
    }

    /** @return a Markdown table with the same cells as {@link #text} */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        List<String[]> lines = cells();
        for (int n = 0; n < lines.size(); n++) {
            out.append("| ").append(String.join(" | ", lines.get(n))).append(" |\n");
            if (n == 0) {
                out.append("|---|---:|---:|---:|\n");
            }
        }
        return out.toString();
    }

    /** @return a JSON object: the rounds and, per row, its key, title, unit, baseline, medians, ratio and samples */
    public String json() {
        StringBuilder out = new StringBuilder("{\n  \"rounds\": ").append(rounds).append(",\n  \"rows\": [");
        for (int n = 0; n < results.size(); n++) {
            Result r = results.get(n);
            Measurement m = r.measurement();
            out.append(n == 0 ? "\n" : ",\n")
                    .append("    {\"key\": ").append(quote(m.key()))
                    .append(", \"title\": ").append(quote(m.title()))
                    .append(", \"unit\": ").append(quote(m.unit().json))
                    .append(", \"baseline\": ").append(quote(m.baseline().label()))
                    .append(", \"baselineMedianNs\": ").append(number(r.baselineMedian()))
                    .append(", \"modelMedianNs\": ").append(number(r.modelMedian()))
                    .append(", \"ratio\": ").append(number(r.ratio()))
                    .append(", \"baselineNs\": ").append(numbers(r.baselineNs()))
                    .append(", \"modelNs\": ").append(numbers(r.modelNs())).append('}');
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private List<String[]> cells() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Result r : results) {
            Measurement m = r.measurement();
            String baseline = figure(m.unit(), r.baselineMedian());
            if (!m.baseline().label().equals("kernel")) {
                baseline += " (" + m.baseline().label() + ")";
            }
            lines.add(new String[] {m.title(), baseline, figure(m.unit(), r.modelMedian()),
                String.format(Locale.ROOT, "%.2f", r.ratio())});
        }
        return lines;
    }

    /** A median for people: time per operation in ns, µs or ms, operations per second in M/s, or bytes per operation. */
    static String figure(Measurement.Unit unit, double nsPerOp) {
        if (unit == Measurement.Unit.PER_SECOND) {
            return String.format(Locale.ROOT, "%.1f M/s", 1e3 / nsPerOp);
        }
        if (unit == Measurement.Unit.BYTES) {
            return String.format(Locale.ROOT, "%.1f B", nsPerOp);
        }
        if (nsPerOp < 1e3) {
            return String.format(Locale.ROOT, "%.2f ns", nsPerOp);
        }
        if (nsPerOp < 1e6) {
            return String.format(Locale.ROOT, "%.1f µs", nsPerOp / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nsPerOp / 1e6);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String numbers(List<Double> values) {
        return values.stream().map(BenchReport::number).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string: the titles hold no control characters, only quotes and backslashes to escape. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
