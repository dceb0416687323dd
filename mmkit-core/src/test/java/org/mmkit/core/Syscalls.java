package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.MAP_ANONYMOUS;
import static org.mmkit.core.Uapi.MAP_PRIVATE;
import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.PROT_READ;
import static org.mmkit.core.Uapi.PROT_WRITE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What the tests of system calls on {@link SimProcess} share: errno checks and user-memory set-up. */
final class Syscalls {
    private Syscalls() {
    }

    /** Asserts that {@code call} fails with {@code errno}. */
    static void assertErrno(Errno errno, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ErrnoException.class).hasFieldOrPropertyWithValue("errno", errno);
    }

    /** The errno {@code call} fails with, or null when it succeeds. */
    static Errno errnoOf(Runnable call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            return e.errno();
        }
        return null;
    }

    /** A new private read-write anonymous mapping of {@code pages} pages. */
    static long anon(SimProcess p, long pages) {
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    /** Stores one {@code struct iovec} per (base, len) pair at {@code at}. */
    static void iovecs(SimProcess p, long at, long... pairs) {
        ByteBuffer array = ByteBuffer.allocate(pairs.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : pairs) {
            array.putLong(value);
        }
        p.store(at, array.array());
    }
}
