package org.mmkit.scenario;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.OptionalLong;
import java.util.HashMap;
import org.mmkit.core.Uapi;

/**
 * The symbolic constants a scenario may use: every {@code PROT_ MAP_ MADV_ MREMAP_ MLOCK_ MCL_ MS_ MFD_
 * FALLOC_ O_ F_ FD_ SEEK_ FIO UFFD POLL S_IF AT_ UIO_ RLIMIT_ RLIM_ PR_SET_VMA PIDFD_ USERFAULTFD_} constant and {@code PATH_MAX}, {@code NAME_MAX} of {@link Uapi} (so the language grows with the ABI
 * the model accepts), plus {@code NULL}, {@code PAGE} (4 KiB) and {@code HPAGE} (2 MiB).
 */
final class Constants {
    private static final String[] PREFIXES = {
        "PROT_", "MAP_", "MADV_", "MREMAP_", "MLOCK_", "MCL_", "MS_", "MFD_", "FALLOC_",
        "O_", "F_", "FD_", "SEEK_", "FIO", "UFFD", "POLL", "S_IF", "AT_", "UIO_", "PATH_MAX", "NAME_MAX",
        "RLIMIT_", "RLIM_", "PR_SET_VMA", "PIDFD_", "USERFAULTFD_"
    };
    private static final Map<String, Long> VALUES = load();

    private Constants() {
    }

    static OptionalLong lookup(String name) {
        Long v = VALUES.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

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
