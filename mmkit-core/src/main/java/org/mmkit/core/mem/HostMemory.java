package org.mmkit.core.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import org.mmkit.core.Uapi;

/**
 * The host memory behind simulated RAM: one private anonymous mapping of the host, reserved
 * without commitment ({@code MAP_NORESERVE}), 2 MiB aligned and advised {@code MADV_HUGEPAGE},
 * so that the host backs it with transparent huge pages where its THP mode allows ("madvise" or
 * "always") and the first touch of fresh memory costs one host fault per 2 MiB rather than per
 * 4 KiB. The host's anonymous memory reads as zero until written, so nothing is zeroed here.
 *
 * <p>This needs native access ({@code --enable-native-access}, which the mmkit launcher and the
 * test runner pass) on a Linux host; elsewhere {@link #map} answers null and the caller allocates
 * through an {@link Arena} instead, which zeroes what it hands out.
 */
final class HostMemory {
    /** The size of a transparent huge page on x86-64 and arm64 with 4 KiB pages. */
    static final long HUGE_PAGE_SIZE = 2L << 20;
    private static final long MAP_FAILED = -1;

    private HostMemory() {
    }

    /**
     * Maps {@code bytes} of zero-filled host memory aligned to {@link #HUGE_PAGE_SIZE}, unmapped
     * when {@code arena} is closed.
     *
     * @return the memory, or null where this host or JVM cannot map it (the caller falls back)
     */
    @SuppressWarnings("restricted") // reinterpret: called only where native access is enabled
    static MemorySegment map(long bytes, Arena arena) {
        if (!Calls.AVAILABLE) {
            return null;
        }
        long length = bytes + HUGE_PAGE_SIZE; // room to align the start
        try {
            long base = (long) Calls.MMAP.invokeExact(MemorySegment.NULL, length, Uapi.PROT_READ | Uapi.PROT_WRITE,
                    Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS | Uapi.MAP_NORESERVE, -1, 0L);
            if (base == MAP_FAILED) {
                return null; // e.g. overcommit_memory=2 refusing a large reservation
            }
            MemorySegment whole = MemorySegment.ofAddress(base).reinterpret(length, arena, HostMemory::unmap);
            long start = (base + HUGE_PAGE_SIZE - 1) & -HUGE_PAGE_SIZE;
            MemorySegment ram = whole.asSlice(start - base, bytes);
            // advice only: a host without THP leaves the memory in 4 KiB pages
            int ignored = (int) Calls.MADVISE.invokeExact(ram, bytes, Uapi.MADV_HUGEPAGE);
            return ram;
        } catch (Throwable e) {
            throw new IllegalStateException("mapping host memory for simulated RAM", e);
        }
    }

    private static void unmap(MemorySegment mapping) {
        try {
            int ignored = (int) Calls.MUNMAP.invokeExact(mapping, mapping.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException("unmapping host memory of simulated RAM", e);
        }
    }

    /** The host's mmap, madvise and munmap, bound once, if this JVM may call them. */
    @SuppressWarnings("restricted") // downcallHandle: bound only where native access is enabled
    private static final class Calls {
        static final boolean AVAILABLE = HostMemory.class.getModule().isNativeAccessEnabled()
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).equals("linux");
        static final MethodHandle MMAP;
        static final MethodHandle MADVISE;
        static final MethodHandle MUNMAP;

        static {
            if (AVAILABLE) {
                Linker linker = Linker.nativeLinker();
                MMAP = linker.downcallHandle(linker.defaultLookup().findOrThrow("mmap"), FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                MADVISE = linker.downcallHandle(linker.defaultLookup().findOrThrow("madvise"), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
                MUNMAP = linker.downcallHandle(linker.defaultLookup().findOrThrow("munmap"), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            } else {
                MMAP = null;
                MADVISE = null;
                MUNMAP = null;
            }
        }
    }
}
