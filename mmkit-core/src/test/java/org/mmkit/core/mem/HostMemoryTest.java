package org.mmkit.core.mem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulated RAM's host mapping, as the test runner allows it (native access on this Linux host). */
class HostMemoryTest {
    private static final long BYTES = 3 * HostMemory.HUGE_PAGE_SIZE;

    /**
     * The mapping is 2 MiB aligned, reads as zero, is advised for huge pages (VmFlags {@code hg}
     * in smaps) and is gone from the process once its arena closes.
     */
    @Test
    void hugePageAlignedZeroMemoryAdvisedForThpAndUnmappedOnClose() throws IOException {
        long start;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment ram = HostMemory.map(BYTES, arena);
            assertThat(ram).as("the test runner passes --enable-native-access").isNotNull();
            start = ram.address();
            assertThat(start % HostMemory.HUGE_PAGE_SIZE).isZero();
            assertThat(ram.byteSize()).isEqualTo(BYTES);
            for (long offset = 0; offset < BYTES; offset += 4096) {
                assertThat(ram.get(ValueLayout.JAVA_LONG, offset)).isZero();
                ram.set(ValueLayout.JAVA_LONG, offset, offset);
            }
            assertThat(ram.get(ValueLayout.JAVA_LONG, BYTES - 4096)).isEqualTo(BYTES - 4096);
            assertThat(vmFlags(start)).as("smaps VmFlags of the mapping").contains("hg");
        }
        assertThat(vmFlags(start)).as("unmapped at close").isNull();
    }

    /** The VmFlags line of the host VMA holding {@code address} in /proc/self/smaps, or null if none does. */
    private static String vmFlags(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        boolean inside = false;
        for (String line : lines) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
                long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = from <= address && address < to;
            } else if (inside && line.startsWith("VmFlags:")) {
                return line;
            }
        }
        return null;
    }
}
