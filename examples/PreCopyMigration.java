import static org.mmkit.core.Uapi.MAP_ANONYMOUS;
import static org.mmkit.core.Uapi.MAP_PRIVATE;
import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.PROT_READ;
import static org.mmkit.core.Uapi.PROT_WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;
import org.mmkit.core.WriteTracker;
import org.mmkit.core.WriteTracker.Range;

/**
 * A pre-copy live-migration loop on the model, as QEMU or CRIU does it on Linux with
 * PAGEMAP_SCAN and an asynchronous write-protecting userfaultfd: the source process's threads keep
 * writing their working set while the loop copies every page, then only the pages written since
 * the last round, until the dirty set is small enough (or a round limit is reached); then the
 * source stops and the last dirty pages are copied. The destination process must then hold the
 * source's memory byte for byte.
 *
 * <p>Run it from the repository (after {@code ./mvnw -q -B -o package -DskipTests -pl mmkit-core}):
 * {@code java --enable-native-access=ALL-UNNAMED -cp mmkit-core/target/classes examples/PreCopyMigration.java [seed]}
 */
public final class PreCopyMigration {
    /** The source's memory: 16 MiB. */
    static final int PAGES = 4096;
    /** The pages the threads write most: 2 % of the memory. */
    static final int HOT_PAGES = 80;
    static final int WRITER_THREADS = 3;
    /** Converged once a round finds no more dirty pages than this. */
    static final int CONVERGED_PAGES = 2 * HOT_PAGES;
    static final int MAX_ROUNDS = 30;

    public static void main(String[] args) throws InterruptedException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : System.nanoTime();
        System.out.println("seed " + seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess source = kernel.newProcess(true);
            SimProcess destination = kernel.newProcess(false);
            long size = PAGES * PAGE_SIZE;
            long from = source.mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            long to = destination.mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            fill(source, from, new Random(seed));

            try (WriteTracker tracker = WriteTracker.open(source)) {
                tracker.track(from, size);
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = startWriters(source, from, seed, running);

                // round 0 copies everything; writes that land during it are collected by round 1
                long copied = copy(source, destination, List.of(new Range(from, from + size)), to - from);
                System.out.printf("round 0: copied %d pages%n", copied / PAGE_SIZE);
                int round = 1;
                for (; round <= MAX_ROUNDS; round++) {
                    List<Range> dirty = tracker.collect(from, from + size);
                    long pages = copy(source, destination, dirty, to - from) / PAGE_SIZE;
                    System.out.printf("round %d: %d dirty pages in %d ranges%n", round, pages, dirty.size());
                    if (pages <= CONVERGED_PAGES) {
                        break;
                    }
                }
                System.out.println(round <= MAX_ROUNDS ? "converged" : "round limit reached");

                // stop and copy: the source is paused, the last dirty pages go over
                running.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                List<Range> last = tracker.collect(from, from + size);
                long pages = copy(source, destination, last, to - from) / PAGE_SIZE;
                System.out.printf("stop and copy: %d pages in %d ranges%n", pages, last.size());
            }
            verify(source, from, destination, to, size);
            System.out.println("destination matches the source byte for byte");
        }
    }

    /** Gives every page of the source its own contents. */
    private static void fill(SimProcess source, long from, Random random) {
        byte[] page = new byte[(int) PAGE_SIZE];
        for (int i = 0; i < PAGES; i++) {
            random.nextBytes(page);
            source.store(from + i * PAGE_SIZE, page);
        }
    }

    /**
     * Threads of the source writing 8-byte values, nine writes in ten to the hot pages, until
     * stopped.
     */
    private static List<Thread> startWriters(SimProcess source, long from, long seed, AtomicBoolean running) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITER_THREADS; w++) {
            SimThread thread = source.newThread();
            Random random = new Random(seed + 1 + w);
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                while (running.get()) {
                    int page = random.nextInt(10) == 0 ? random.nextInt(PAGES) : random.nextInt(HOT_PAGES);
                    long offset = random.nextInt((int) PAGE_SIZE / Long.BYTES) * (long) Long.BYTES;
                    thread.storeLong(from + page * PAGE_SIZE + offset, random.nextLong());
                    LockSupport.parkNanos(20_000);
                }
            }));
        }
        return writers;
    }

    /** Copies the ranges from the source to the destination, {@code delta} bytes apart; returns the bytes copied. */
    private static long copy(SimProcess source, SimProcess destination, List<Range> ranges, long delta) {
        long copied = 0;
        byte[] page = new byte[(int) PAGE_SIZE];
        for (Range range : ranges) {
            for (long at = range.start(); at < range.end(); at += PAGE_SIZE) {
                source.load(at, page);
                destination.store(at + delta, page);
                copied += PAGE_SIZE;
            }
        }
        return copied;
    }

    private static void verify(SimProcess source, long from, SimProcess destination, long to, long size) {
        byte[] expected = new byte[(int) PAGE_SIZE];
        byte[] actual = new byte[(int) PAGE_SIZE];
        for (long offset = 0; offset < size; offset += PAGE_SIZE) {
            source.load(from + offset, expected);
            destination.load(to + offset, actual);
            if (!Arrays.equals(expected, actual)) {
                throw new IllegalStateException("page " + offset / PAGE_SIZE + " differs after migration");
            }
        }
    }
}
