package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * The same life cycle — write, fork, write in the child, partial munmap, exit — over every memory
 * type and a range of sizes (within one PTE table, straddling tables, several tables), checking
 * data, sharing and pagemap flags at each step.
 */
class MemoryTypeMatrixTest {
    private static final long PRESENT = PagemapEntryLayout.PRESENT;
    private static final long FILE = PagemapEntryLayout.FILE;
    private static final long EXCLUSIVE = PagemapEntryLayout.MMAP_EXCLUSIVE;

    enum Type {
        ANON_PRIVATE(false, false), ANON_SHARED(true, true), MEMFD_SHARED(true, true), MEMFD_PRIVATE(false, true);

        final boolean shared;
        final boolean fileBacked;

        Type(boolean shared, boolean fileBacked) {
            this.shared = shared;
            this.fileBacked = fileBacked;
        }

        long map(SimProcess p, long len) {
            int prot = PROT_READ | PROT_WRITE;
            return switch (this) {
                case ANON_PRIVATE -> p.mmap(0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                case ANON_SHARED -> p.mmap(0, len, prot, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
                case MEMFD_SHARED, MEMFD_PRIVATE -> {
                    int fd = UserStrings.memfd(p, "matrix", 0);
                    p.ftruncate(fd, len);
                    long a = p.mmap(0, len, prot, this == MEMFD_SHARED ? MAP_SHARED : MAP_PRIVATE, fd, 0);
                    p.close(fd);
                    yield a;
                }
            };
        }
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Type type : Type.values()) {
            for (long pages : new long[] {1, 3, 511, 513, 1100}) {
                out.add(Arguments.of(type, pages));
            }
        }
        return out;
    }

    private static long flags(SimProcess p, long addr) {
        byte[] buf = new byte[PagemapEntryLayout.ENTRY_BYTES];
        p.pagemapRead(addr / PAGE_SIZE * PagemapEntryLayout.ENTRY_BYTES, buf);
        return PagemapEntryLayout.flags(ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @ParameterizedTest(name = "{0} x {1} pages")
    @MethodSource("cases")
    void lifeCycle(Type type, long pages) {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess parent = kernel.newProcess(true);
            long len = pages * PAGE_SIZE;
            long a = type.map(parent, len);
            long last = a + len - PAGE_SIZE;
            for (long va = a; va < a + len; va += PAGE_SIZE) {
                parent.storeLong(va, va);
            }
            long ownPage = PRESENT | EXCLUSIVE | (type.shared ? FILE : 0);
            assertThat(flags(parent, last)).isEqualTo(ownPage);

            SimProcess child = parent.fork();
            assertThat(child.loadLong(last)).isEqualTo(last);
            child.storeLong(a, -1);
            assertThat(parent.loadLong(a)).isEqualTo(type.shared ? -1 : a);
            assertThat(flags(child, a)).as("mapped by both, or the child's own copy")
                    .isEqualTo(type.shared ? PRESENT | FILE : PRESENT | EXCLUSIVE);
            if (!type.shared && last != a) {
                assertThat(flags(parent, last)).as("shared with the child until written").isEqualTo(PRESENT);
            }
            kernel.checkInvariants();

            if (pages > 2) {
                child.munmap(a + PAGE_SIZE, PAGE_SIZE);
                assertThat(child.maps().lines()).hasSize(2);
                assertThat(parent.loadLong(a + PAGE_SIZE)).isEqualTo(a + PAGE_SIZE);
            }
            child.exit();
            assertThat(flags(parent, last)).isEqualTo(ownPage);
            kernel.checkInvariants();
            parent.munmap(a, len);
            kernel.checkInvariants();
        }
    }
}
