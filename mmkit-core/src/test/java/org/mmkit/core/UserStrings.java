package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code memfd_create} with its name in user memory, as the scenario runner passes it: the name
 * is stored NUL-terminated in a two-page area mapped at {@link #AREA}, far below anything
 * {@code mmap(NULL)} gives, for the call only, so the caller's address space is as before.
 */
public final class UserStrings {
    /** Where the name goes. */
    public static final long AREA = 0x100000;
    private static final long AREA_BYTES = 2 * PAGE_SIZE;

    private UserStrings() {
    }

    /** {@code memfd_create(name, flags)}, the name stored as UTF-8 and a NUL. */
    public static int memfd(SimProcess p, String name, long flags) {
        p.mmap(AREA, AREA_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        try {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            p.store(AREA, Arrays.copyOf(bytes, bytes.length + 1));
            return p.memfdCreate(AREA, flags);
        } finally {
            p.munmap(AREA, AREA_BYTES);
        }
    }
}
