package org.mmkit.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mmkit.core.Uapi;

/**
 * A swap area that the machine setup switched on and will switch off again: a block device or a
 * file, formatted as {@code mkswap} would and activated with swapon(2). {@code release} undoes
 * whatever made the area exist (removing the zram device, deleting the file) once it is off.
 * swapon and swapoff are called in libc through the foreign function API: no helper process, so
 * they work in a shutdown hook too.
 */
record SwapArea(Path path, IoAction release) {
    /** A step that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** The first page's layout ({@code union swap_header} in include/linux/swap.h), version 1. */
    private static final int VERSION_OFFSET = 1024;
    private static final int LAST_PAGE_OFFSET = 1028;
    private static final int VOLUME_LABEL_OFFSET = 1052;
    private static final byte[] MAGIC = "SWAPSPACE2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VOLUME_LABEL = "mmkit".getBytes(StandardCharsets.US_ASCII);

    /**
     * Runs {@code prepare} (sizing the device, writing the file), formats {@code path} as a swap
     * area of {@code bytes} and switches it on. {@code release} must undo what existed before
     * {@code prepare}; it runs on any failure, so that nothing made for the area is left behind.
     */
    static SwapArea activate(Path path, long bytes, IoAction prepare, IoAction release) throws IOException {
        try {
            prepare.run();
            writeHeader(path, bytes);
            call("swapon", path);
            return new SwapArea(path, release);
        } catch (IOException | RuntimeException e) {
            try {
                release.run();
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** swapoff(2) (which brings every page swapped there back into memory), then the release. */
    void remove() throws IOException {
        call("swapoff", path);
        release.run();
    }

    /** swapoff(2) ({@code on} false) or swapon(2) of the area, for a scenario: 0, or the errno it failed with. */
    int switchTo(boolean on) throws IOException {
        return callForErrno(on ? "swapon" : "swapoff", path);
    }

    /** The file names in /proc/swaps: one active swap area per line after the header. */
    static List<String> active() throws IOException {
        return Files.readAllLines(Path.of("/proc/swaps")).stream().skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\\s+")[0])
                .toList();
    }

    /** What {@code mkswap} writes: version 1, the last usable page, no bad pages, a label, the magic. */
    private static void writeHeader(Path path, long bytes) throws IOException {
        ByteBuffer page = ByteBuffer.allocate((int) Uapi.PAGE_SIZE).order(ByteOrder.nativeOrder());
        page.putInt(VERSION_OFFSET, 1);
        page.putInt(LAST_PAGE_OFFSET, (int) (bytes / Uapi.PAGE_SIZE - 1));
        page.put(VOLUME_LABEL_OFFSET, VOLUME_LABEL);
        page.put((int) Uapi.PAGE_SIZE - MAGIC.length, MAGIC);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(page, 0);
            channel.force(true);
        }
    }

    /** swapon(path, 0: default priority, no discard) or swapoff(path); a libc that cannot be called fails like the call. */
    private static void call(String name, Path path) throws IOException {
        int errno = callForErrno(name, path);
        if (errno != 0) {
            throw new IOException(name + "(" + path + ") failed with " + KernelRequirements.errnoName(errno));
        }
    }

    /** {@link #call} that answers the errno of a failed call, 0 for success. */
    private static int callForErrno(String name, Path path) throws IOException {
        int result;
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CALL_STATE);
            MemorySegment pathString = arena.allocateFrom(path.toString());
            result = name.equals("swapon") ? (int) Libc.SWAPON.invokeExact(state, pathString, 0)
                    : (int) Libc.SWAPOFF.invokeExact(state, pathString);
            errno = state.get(JAVA_INT, Libc.ERRNO_OFFSET);
        } catch (Throwable e) {
            throw new IOException("cannot call " + name + "(2) through libc", e);
        }
        return result == 0 ? 0 : errno;
    }

    /**
     * The two libc functions, each returning errno in a call-state segment passed first. A holder
     * class, so that a JVM without native access fails in {@link #call}, not when loading the record.
     */
    private static final class Libc {
        static final Linker LINKER = Linker.nativeLinker();
        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle SWAPON = function("swapon", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SWAPOFF = function("swapoff", FunctionDescriptor.of(JAVA_INT, ADDRESS));

        // Linker.downcallHandle is restricted: native access is granted at run time by
        // --enable-native-access (the mmkit launcher and the test runner pass it).
        @SuppressWarnings("restricted")
        private static MethodHandle function(String name, FunctionDescriptor signature) {
            MemorySegment function = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new IllegalStateException("libc has no " + name));
            return LINKER.downcallHandle(function, signature, Linker.Option.captureCallState("errno"));
        }
    }
}
