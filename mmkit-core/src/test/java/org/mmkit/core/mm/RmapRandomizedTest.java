package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.mmkit.core.UserStrings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.SimProcess;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The rmap walk against a brute-force scan of every page table of every process, after each step
 * of a random sequence of fork trees, COW stores, partial munmap, mremap moves and growth,
 * mprotect splits and MADV_DONTNEED over private anonymous memory and shared and private memfd
 * mappings: for every frame, {@link Rmap#walk} must name exactly the PTEs that map it.
 */
class RmapRandomizedTest {
    private static final int OPS = 300;
    private static final int MAX_PROCESSES = 6;

    /** A PTE: which address space, which address. */
    private record Slot(Mm mm, long va) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void rmapFindsExactlyTheMappingsAScanFinds(long seed) {
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(2048).build())) {
            List<Task> tasks = new ArrayList<>();
            tasks.add((Task) kernel.newProcess(true));
            List<String> log = new ArrayList<>();
            for (int op = 0; op < OPS; op++) {
                Task task = tasks.get(random.nextInt(tasks.size()));
                String step;
                try {
                    step = step(random, task, tasks);
                } catch (ErrnoException | MemoryFault e) {
                    step = "failed: " + e.getMessage();
                }
                log.add(step);
                String context = "seed " + seed + " after " + log.subList(Math.max(0, log.size() - 6), log.size());
                Machine machine = task.machine;
                Map<Integer, Set<Slot>> scanned = scan(tasks);
                for (int pfn = PhysicalMemory.RESERVED_FRAMES; pfn < machine.memory.frames(); pfn++) {
                    Set<Slot> walked = new HashSet<>();
                    for (Rmap.Mapping m : Rmap.walk(machine.memory, pfn)) {
                        assertThat(walked.add(new Slot(m.mm(), m.address()))).as(context + ": frame " + pfn + " found twice").isTrue();
                    }
                    assertThat(walked).as(context + ": frame " + pfn).isEqualTo(scanned.getOrDefault(pfn, Set.of()));
                }
                kernel.checkInvariants();
            }
        }
    }

    /** Every present, non-special PTE inside a VMA of a live process, by frame, read one address at a time. */
    private static Map<Integer, Set<Slot>> scan(List<Task> tasks) {
        Map<Integer, Set<Slot>> byFrame = new HashMap<>();
        for (Task task : tasks) {
            for (var entry : task.mm.vmas.entries()) {
                for (long va = entry.start(); va < entry.end(); va += PAGE_SIZE) {
                    long pte = task.mm.pte(va);
                    if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
                        byFrame.computeIfAbsent((int) PteLayout.pfn(pte), k -> new HashSet<>()).add(new Slot(task.mm, va));
                    }
                }
            }
        }
        return byFrame;
    }

    private static String step(Random random, Task task, List<Task> tasks) {
        int choice = random.nextInt(100);
        List<Vma> vmas = new ArrayList<>();
        task.mm.vmas.entries().forEach(e -> vmas.add(e.value()));
        if (choice < 15 || vmas.isEmpty()) {
            return map(random, task);
        }
        Vma target = vmas.get(random.nextInt(vmas.size()));
        long pages = target.pages();
        long va = target.start + random.nextInt((int) pages) * PAGE_SIZE;
        long len = (1 + random.nextInt(3)) * PAGE_SIZE;
        if (choice < 45) {
            task.mainThread().store(va + random.nextInt((int) PAGE_SIZE), new byte[] {(byte) (1 + random.nextInt(255))});
            return "store " + Long.toHexString(va);
        }
        if (choice < 52) {
            task.mainThread().load(va, new byte[1]);
            return "load " + Long.toHexString(va);
        }
        if (choice < 60 && tasks.size() < MAX_PROCESSES) {
            tasks.add((Task) task.fork());
            return "fork";
        }
        if (choice < 64 && tasks.size() > 1) {
            task.exit();
            tasks.remove(task);
            return "exit";
        }
        if (choice < 72) {
            task.munmap(va, len);
            return "munmap " + Long.toHexString(va) + " " + len;
        }
        if (choice < 80) {
            long newLen = len + (random.nextBoolean() ? PAGE_SIZE : 0);
            long to = task.mremap(va, len, newLen, MREMAP_MAYMOVE, 0);
            return "mremap " + Long.toHexString(va) + " " + len + " -> " + Long.toHexString(to) + " " + newLen;
        }
        if (choice < 90) {
            task.mprotect(va, len, random.nextBoolean() ? PROT_READ : PROT_READ | PROT_WRITE);
            return "mprotect " + Long.toHexString(va);
        }
        task.madvise(va, len, MADV_DONTNEED);
        return "dontneed " + Long.toHexString(va);
    }

    /** A private anonymous mapping, or a shared or private mapping of a new memfd. */
    private static String map(Random random, Task task) {
        long len = (1 + random.nextInt(8)) * PAGE_SIZE;
        int kind = random.nextInt(3);
        if (kind == 0) {
            long a = task.mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            return "mmap anon " + Long.toHexString(a);
        }
        int fd = UserStrings.memfd(task, "rmap", 0);
        task.ftruncate(fd, len);
        long flags = kind == 1 ? MAP_SHARED : MAP_PRIVATE;
        long a = task.mmap(0, len, PROT_READ | PROT_WRITE, flags, fd, 0);
        task.close(fd);
        return "mmap memfd " + (kind == 1 ? "shared " : "private ") + Long.toHexString(a);
    }
}
