package org.mmkit.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmkit.backend.ProcFile;

/**
 * The counters of the whole-process {@code /proc/PID} files a scenario can ask for:
 * {@code status} and {@code smaps_rollup} ({@code Name: value kB} lines, in kB) and
 * {@code statm} (seven numbers in pages, named as in proc(5)).
 */
final class ProcCounters {
    private ProcCounters() {
    }

    /** The files a scenario names as {@code FILE.Field}, by their name in the language. */
    static final Map<String, ProcFile> FILES = Map.of(
            "status", ProcFile.STATUS, "statm", ProcFile.STATM, "smaps_rollup", ProcFile.SMAPS_ROLLUP);

    /** {@code task_statm}'s numbers in the order the file lists them. */
    private static final List<String> STATM_FIELDS = List.of("size", "resident", "shared", "text", "lib", "data", "dt");

    private static final Pattern KB_LINE = Pattern.compile("^([A-Za-z_]+):\\s+(\\d+) kB$", Pattern.MULTILINE);

    /** Whether the file's values are in kB (else pages). */
    static boolean inKb(ProcFile file) {
        return file != ProcFile.STATM;
    }

    /** The names a scenario may write after {@code FILE.}, for messages; null for status and smaps_rollup. */
    static List<String> fixedFields(ProcFile file) {
        return file == ProcFile.STATM ? STATM_FIELDS : null;
    }

    /** Every counter of {@code text}, by name; lines without a number in kB (Name:, State:…) are left out. */
    static Map<String, Long> parse(ProcFile file, String text) {
        Map<String, Long> counters = new HashMap<>();
        if (file == ProcFile.STATM) {
            String[] numbers = text.strip().split(" ");
            if (numbers.length != STATM_FIELDS.size() || !text.strip().matches("[0-9 ]+")) {
                throw new IllegalArgumentException("not a statm line: " + text.strip());
            }
            for (int i = 0; i < numbers.length; i++) {
                counters.put(STATM_FIELDS.get(i), Long.parseLong(numbers[i]));
            }
            return counters;
        }
        Matcher m = KB_LINE.matcher(text);
        while (m.find()) {
            counters.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counters;
    }
}
