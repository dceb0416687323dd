package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VMAs of a {@code /proc/PID/maps} or {@code /proc/PID/smaps} text ({@code show_map_vma} and
 * {@code show_smap} in {@code fs/proc/task_mmu.c}): header lines, and for smaps the field lines
 * and VmFlags that follow each header.
 */
final class ProcMaps {
    /** {@code start-end perms offset dev inode [path]}; the path may contain blanks. */
    private static final Pattern HEADER = Pattern.compile(
            "([0-9a-f]+)-([0-9a-f]+)\\s+(\\S{4})\\s+([0-9a-f]+)\\s+\\S+\\s+\\d+\\s*(.*)");

    /**
     * @param fields  smaps fields in kB by name ({@code Rss}, {@code Pss}, …); empty for maps
     * @param vmFlags the two-letter VmFlags codes, in smaps order; empty for maps
     */
    record Vma(long start, long end, String perms, long offset, String path, Map<String, Long> fields,
            List<String> vmFlags) {
        Vma withPath(String newPath) {
            return new Vma(start, end, perms, offset, newPath, fields, vmFlags);
        }

        boolean contains(long addr) {
            return Long.compareUnsigned(start, addr) <= 0 && Long.compareUnsigned(addr, end) < 0;
        }
    }

    private ProcMaps() {
    }

    /** @throws IllegalArgumentException for a line that is neither a header nor a field */
    static List<Vma> parse(String text) {
        List<Vma> vmas = new ArrayList<>();
        Matcher h = null;
        Map<String, Long> fields = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (h != null) {
                    vmas.add(vma(h, fields, flags));
                }
                h = m;
                fields = new LinkedHashMap<>();
                flags = new ArrayList<>();
            } else if (h != null && line.startsWith("VmFlags:")) {
                flags = List.of(line.substring("VmFlags:".length()).trim().split("\\s+"));
            } else if (h != null && line.matches("\\w+:\\s+\\d+ kB")) {
                String[] parts = line.split(":\\s+|\\s+kB");
                fields.put(parts[0], Long.parseLong(parts[1]));
            } else if (h == null || !line.matches("\\w+:.*")) {
                throw new IllegalArgumentException("not a maps/smaps line: " + line);
            }
        }
        if (h != null) {
            vmas.add(vma(h, fields, flags));
        }
        return vmas;
    }

    private static Vma vma(Matcher h, Map<String, Long> fields, List<String> flags) {
        return new Vma(Long.parseUnsignedLong(h.group(1), 16), Long.parseUnsignedLong(h.group(2), 16), h.group(3),
                Long.parseUnsignedLong(h.group(4), 16), h.group(5).strip(), Map.copyOf(fields), List.copyOf(flags));
    }
}
