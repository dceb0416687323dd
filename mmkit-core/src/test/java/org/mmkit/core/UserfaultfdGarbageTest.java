package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input to a userfaultfd: every command with structs of random garbage and of near-miss
 * values (unaligned, zero, huge or wrapping ranges, unknown modes, unmapped and foreign ranges),
 * reads of odd sizes, closed descriptors. Each call either succeeds or fails with an errno; none
 * throws anything else, and the machine's invariants hold afterwards. Seeded (printed; rerun with
 * {@code -Dmmkit.seed=N}). The source of COPY lies outside every registrable range, so no call of
 * the test's one thread can wait for a fault.
 */
@Timeout(120)
class UserfaultfdGarbageTest {
    private static final int[] COMMANDS = {UFFDIO_API, UFFDIO_REGISTER, UFFDIO_UNREGISTER, UFFDIO_WAKE, UFFDIO_COPY,
        UFFDIO_ZEROPAGE, UFFDIO_MOVE, UFFDIO_WRITEPROTECT, UFFDIO_CONTINUE, UFFDIO_POISON, 0xAA09, 0, FIONREAD};

    @Test
    void garbageGetsAnErrnoAndNothingElse() {
        long seed = Long.getLong("mmkit.seed", System.nanoTime());
        System.out.println("UserfaultfdGarbageTest seed " + seed);
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().sharedZeroPage(false).build())) {
            SimProcess p = kernel.newProcess(true);
            long struct = Syscalls.anon(p, 2);
            long src = Syscalls.anon(p, 4);
            int memfd = UserStrings.memfd(p, "g", 0);
            p.ftruncate(memfd, 6 * PAGE_SIZE);
            long[] targets = {
                Syscalls.anon(p, 8),
                p.mmap(0, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0),
                p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, memfd, 0),
                p.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
            };
            p.munmap(targets[0] + 6 * PAGE_SIZE, PAGE_SIZE); // a hole
            int fd = p.userfaultfd(O_NONBLOCK | (random.nextBoolean() ? UFFD_USER_MODE_ONLY : 0));
            p.store(struct, Uffd.longs(UFFD_API, random.nextBoolean() ? UFFD_FEATURE_POISON : UFFD_FEATURE_SIGBUS, 0));
            p.ioctl(fd, UFFDIO_API, struct);
            int errors = 0;
            for (int step = 0; step < 3000; step++) {
                int cmd = COMMANDS[random.nextInt(COMMANDS.length)];
                long[] fields = new long[5];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = value(random, targets);
                }
                if (random.nextBoolean()) {
                    fields[0] &= ~(PAGE_SIZE - 1);
                    fields[1] = (1 + random.nextInt(3)) * PAGE_SIZE;
                }
                if (cmd == UFFDIO_API && random.nextInt(4) > 0) {
                    fields[0] = UFFD_API;
                    fields[1] = random.nextBoolean() ? 0 : random.nextLong() & 0x3ffff;
                }
                if (cmd == UFFDIO_COPY || cmd == UFFDIO_MOVE) {
                    fields[1] = src + random.nextInt((int) (4 * PAGE_SIZE)) / 8 * 8; // never a registered range
                    fields[2] = Math.min(fields[2] & ~(PAGE_SIZE - 1), 2 * PAGE_SIZE);
                }
                p.store(struct, Uffd.longs(fields));
                int use = random.nextInt(20) == 0 ? fd + 1 : fd;
                try {
                    if (random.nextInt(10) == 0) {
                        p.read(use, struct + PAGE_SIZE - random.nextInt(64), random.nextInt(100));
                    } else {
                        p.ioctl(use, cmd, random.nextInt(30) == 0 ? 0 : struct);
                    }
                } catch (ErrnoException e) {
                    errors++;
                }
            }
            System.out.println("UserfaultfdGarbageTest: " + errors + " of 3000 calls failed with an errno");
            assertThat(errors).isPositive().isLessThan(3000);
            kernel.checkInvariants();
            p.close(fd);
            kernel.checkInvariants();
        }
    }

    /** A struct member: an address near a target, a length, a mode, or noise. */
    private static long value(Random random, long[] targets) {
        long base = targets[random.nextInt(targets.length)];
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> base + random.nextInt(10) * PAGE_SIZE; // page-aligned, in or past the mapping
            case 3 -> base + random.nextInt((int) PAGE_SIZE); // unaligned
            case 4 -> (1 + random.nextInt(4)) * PAGE_SIZE; // a length
            case 5 -> random.nextInt(8); // a mode
            case 6 -> 0;
            case 7 -> -PAGE_SIZE; // wraps
            default -> random.nextLong();
        };
    }
}
