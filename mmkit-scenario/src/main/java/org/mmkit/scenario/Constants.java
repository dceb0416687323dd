package org.mmkit.scenario;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.mmkit.core.Uapi;

/**
 * The symbolic constants a scenario may use: every {@code PROT_ MAP_ MADV_ MREMAP_ MLOCK_ MCL_ MS_ MFD_
 * FALLOC_ O_ F_ FD_ SEEK_ FIO UFFD POLL S_IF AT_ UIO_ RLIMIT_ RLIM_ PR_SET_VMA PIDFD_ USERFAULTFD_ PAGEMAP_SCAN PM_SCAN_ PAGE_IS_} constant and {@code PATH_MAX}, {@code NAME_MAX} of {@link Uapi} (so the language grows with the ABI
 * the model accepts), plus {@code NULL}, {@code PAGE} (4 KiB) and {@code HPAGE} (2 MiB).
 */
final class Constants {
    private static final String[] PREFIXES = {
        "PROT_", "MAP_", "MADV_", "MREMAP_", "MLOCK_", "MCL_", "MS_", "MFD_", "FALLOC_",
        "O_", "F_", "FD_", "SEEK_", "FIO", "UFFD", "POLL", "S_IF", "AT_", "UIO_", "PATH_MAX", "NAME_MAX",
        "RLIMIT_", "RLIM_", "PR_SET_VMA", "PIDFD_", "USERFAULTFD_",
        "PAGEMAP_SCAN", "PM_SCAN_", "PAGE_IS_"
    };
    private static final Map<String, Long> VALUES = load();

    private Constants() {
    }

    static OptionalLong lookup(String name) {
        Long v = VALUES.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * The constant of the family {@code prefix} whose value is {@code value} ({@code
     * UFFD_EVENT_PAGEFAULT}), the shortest name first; the number in hex when none is.
     */
    static String name(String prefix, long value) {
        return VALUES.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue() == value)
                .map(Map.Entry::getKey)
                .min(SHORTEST_FIRST)
                .orElse("0x" + Long.toHexString(value));
    }

    /**
     * A mask written with the one-bit constants of the family {@code prefix}, as strace writes
     * flags ({@code POLLIN|POLLERR}); bits no constant names follow in hex; {@code 0} for none.
     */
    static String flags(String prefix, long value) {
        List<String> parts = new ArrayList<>();
        long left = value;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            long mask = 1L << bit;
            if ((left & mask) == 0) {
                continue;
            }
            String name = name(prefix, mask);
            if (!name.startsWith("0x")) {
                parts.add(name);
                left &= ~mask;
            }
        }
        if (left != 0 || parts.isEmpty()) {
            parts.add(left == 0 ? "0" : "0x" + Long.toHexString(left));
        }
        return String.join("|", parts);
    }

    private static final Comparator<String> SHORTEST_FIRST =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static Map<String, Long> load() {
        Map<String, Long> values = new HashMap<>();
        values.put("NULL", 0L);
        values.put("PAGE", Uapi.PAGE_SIZE);
        values.put("HPAGE", Uapi.PMD_SIZE);
        for (Field f : Uapi.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && hasPrefix(f.getName())) {
                try {
                    values.put(f.getName(), ((Number) f.get(null)).longValue());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(values);
    }

    private static boolean hasPrefix(String name) {
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
