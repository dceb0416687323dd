package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;
import static org.mmkit.core.mm.BlockingFaultTest.await;
import static org.mmkit.core.mm.BlockingFaultTest.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.abi.Scalars;

/**
 * The documented thread-safety of {@link SimProcess} and {@link SimThread}: Java threads that
 * each drive a thread of one process map, write, fork, mprotect and unmap at once while another
 * thread of the process is blocked in a fault; every worker checks its own data, and the
 * machine's invariants hold throughout. Seeded (the seed is printed; rerun with
 * {@code -Dmmkit.seed=N}); the interleaving is up to the JVM.
 */
class ConcurrencyStressTest {
    private static final int WORKERS = 3;
    private static final int STEPS = 150;

    @Test
    void workersMapUnmapForkAndAccessWhileAThreadIsBlockedInAFault() throws Exception {
        long seed = Long.getLong("mmkit.seed", System.nanoTime());
        System.out.println("ConcurrencyStressTest seed " + seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            Task task = (Task) kernel.newProcess(true);
            long gated = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            BlockingFaultTest.Gate gate = gate(task, gated, gated + PAGE_SIZE);
            SimThread sleeper = task.newThread();
            CompletableFuture<Void> blockedStore = CompletableFuture.runAsync(() -> sleeper.storeLong(gated, 99),
                    r -> Thread.ofPlatform().start(r));
            await(sleeper::blocked);

            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Random random = new Random(seed + w);
                int id = w;
                workers.add(CompletableFuture.runAsync(() -> work(kernel, task, id, random), r -> Thread.ofPlatform().start(r)));
            }
            for (CompletableFuture<Void> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            assertThat(sleeper.blocked()).as("still parked after everything the workers did").isTrue();
            assertThat(blockedStore).isNotDone();
            gate.open();
            blockedStore.get(20, TimeUnit.SECONDS);
            assertThat(task.loadLong(gated)).isEqualTo(99);
            kernel.checkInvariants();
        }
    }

    /**
     * The bench's {@code threads-16-faults} as a test: 16 Java threads, each driving a thread of
     * one process, write to every page of their own slice of one fresh mapping at once, so that
     * they all fault and contend for the machine lock. Every write lands, every page has a frame
     * of its own (pagemap), and the invariants hold.
     */
    @Test
    void sixteenThreadsFaultingAtOnceLoseNoWriteAndShareNoFrame() throws Exception {
        int threads = 16;
        int slice = 256;
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess process = kernel.newProcess(true);
            long pages = (long) threads * slice;
            long start = process.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SimThread thread = process.newThread();
                long first = start + t * slice * PAGE_SIZE;
                writers.add(CompletableFuture.runAsync(() -> {
                    awaitUninterruptibly(go);
                    for (long i = 0; i < slice; i++) {
                        long addr = first + i * PAGE_SIZE;
                        thread.storeLong(addr + (i % (PAGE_SIZE / Long.BYTES)) * Long.BYTES, addr);
                    }
                }, r -> Thread.ofPlatform().start(r)));
            }
            go.countDown();
            for (CompletableFuture<Void> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            byte[] entries = new byte[(int) pages * Long.BYTES];
            process.pagemapRead(start / PAGE_SIZE * Long.BYTES, entries);
            Set<Long> frames = new HashSet<>();
            for (long i = 0; i < pages; i++) {
                long addr = start + i * PAGE_SIZE;
                assertThat(process.loadLong(addr + (i % slice % (PAGE_SIZE / Long.BYTES)) * Long.BYTES))
                        .as("the write to page %d", i).isEqualTo(addr);
                long entry = Scalars.U64.read(entries, (int) i * Long.BYTES);
                assertThat(entry & PagemapEntryLayout.PRESENT).as("page %d present", i).isNotZero();
                assertThat(frames.add(PagemapEntryLayout.frame(entry))).as("page %d has a frame of its own", i).isTrue();
            }
            kernel.checkInvariants();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One worker's random steps on its own mappings, checking their contents as it goes. */
    private static void work(Kernel kernel, SimProcess process, int id, Random random) {
        SimThread thread = process.newThread();
        Map<Long, Long> regions = new LinkedHashMap<>(); // start → pages, each page holding start ^ page index
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    long pages = 1 + random.nextInt(8);
                    long start = process.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    for (long i = 0; i < pages; i++) {
                        thread.storeLong(start + i * PAGE_SIZE, start ^ i ^ id);
                    }
                    regions.put(start, pages);
                }
                case 2 -> {
                    if (!regions.isEmpty()) {
                        long start = pick(regions, random);
                        process.munmap(start, regions.remove(start) * PAGE_SIZE);
                    }
                }
                case 3 -> {
                    SimProcess child = process.fork();
                    for (Map.Entry<Long, Long> region : regions.entrySet()) {
                        long start = region.getKey();
                        assertThat(child.loadLong(start)).isEqualTo(start ^ id);
                        child.storeLong(start, -1);
                        assertThat(thread.loadLong(start)).as("COW keeps the parent's page").isEqualTo(start ^ id);
                    }
                    child.exit();
                }
                case 4 -> {
                    if (!regions.isEmpty()) {
                        long start = pick(regions, random);
                        process.mprotect(start, regions.get(start) * PAGE_SIZE, PROT_READ);
                        process.mprotect(start, regions.get(start) * PAGE_SIZE, PROT_READ | PROT_WRITE);
                    }
                }
                default -> kernel.checkInvariants();
            }
            for (Map.Entry<Long, Long> region : regions.entrySet()) {
                long start = region.getKey();
                long page = random.nextLong(region.getValue());
                assertThat(thread.loadLong(start + page * PAGE_SIZE)).isEqualTo(start ^ page ^ id);
            }
        }
        regions.forEach((start, pages) -> process.munmap(start, pages * PAGE_SIZE));
    }

    private static long pick(Map<Long, Long> regions, Random random) {
        return regions.keySet().stream().skip(random.nextInt(regions.size())).findFirst().orElseThrow();
    }
}
