package org.mmkit.fuzz;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The userfaultfd part of generated scenarios: one context of the worker, made on first use with
 * {@code UFFD_USER_MODE_ONLY} (the worker is unprivileged) and random features, registrations
 * with every mode, the fill and protect ioctls with valid and invalid arguments, zaps, questions,
 * and faults taken by a spawned thread that the worker reads and resolves before the join.
 *
 * <p>What keeps these scenarios from hanging a backend: the context's memory lies in the top
 * pages of {@code r}, which the other steps never touch, so no access of the worker's own thread
 * ever waits in a registered range; and every spawned access is followed by a resolution that
 * leaves nothing to wait for (a fill, a COPY in case the fill failed, CONTINUE for a cached shmem
 * page, WRITEPROTECT mode 0, WAKE), then its join. The non-cooperative events REMAP, REMOVE and
 * UNMAP may be asked for: a call that may cause one (MADV_DONTNEED, MADV_REMOVE or MADV_FREE of
 * one page, munmap of the spare page, mremap of one page onto it with MREMAP_DONTUNMAP) runs in a
 * spawned thread, as it waits until its event is read, and the worker reads one message, may try
 * a COPY meanwhile (EAGAIN while the event is in flight), then joins. Each such call causes at most
 * one event, so the one read leaves the thread nothing to wait for on either backend: one page
 * lies in one VMA, the spare page is cleared by its own step before a page moves onto it, and
 * DONTUNMAP leaves no old range to unmap. EVENT_FORK fails (EPERM: the worker is unprivileged).
 */
final class UserfaultfdSteps {
    /** The context's name. */
    private static final String UFFD = "uf";
    /** The memfd behind the shmem pages. */
    private static final String MEMFD = "ufm";
    /** Layout of the pages given to these steps, from their first: anon area, sources, shmem area, its alias. */
    private static final int ANON_PAGES = 8;
    private static final int SOURCE_PAGES = 2;
    private static final int SHMEM_PAGES = 2;
    /** A page never registered, where mremap moves a page of the areas; cleared before each move. */
    private static final int SPARE_PAGES = 1;
    /** How many pages of {@code r} these steps use. */
    static final int PAGES = ANON_PAGES + SOURCE_PAGES + 2 * SHMEM_PAGES + SPARE_PAGES;

    private static final String[] MODES = {
        "UFFDIO_REGISTER_MODE_MISSING", "UFFDIO_REGISTER_MODE_WP", "UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP",
        "UFFDIO_REGISTER_MODE_MINOR", "UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP",
        "UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_MINOR", "0", "8",
    };
    /** Features that neither block a thread on an event nor need privilege; SIGBUS and WP_ASYNC are rarer. */
    private static final String[] FEATURES = {
        "UFFD_FEATURE_THREAD_ID", "UFFD_FEATURE_EXACT_ADDRESS", "UFFD_FEATURE_WP_UNPOPULATED", "UFFD_FEATURE_POISON",
        "UFFD_FEATURE_MOVE", "UFFD_FEATURE_MINOR_SHMEM", "UFFD_FEATURE_MISSING_SHMEM", "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
        "UFFD_FEATURE_EVENT_REMAP", "UFFD_FEATURE_EVENT_REMOVE", "UFFD_FEATURE_EVENT_UNMAP",
    };

    private final Random random;
    private final String worker;
    /** Adds a line to the scenario. */
    private final Consumer<String> lines;
    /** A fresh thread name. */
    private final Supplier<String> threadName;
    private final String reservation;
    /** Where the areas lie, in pages from {@code reservation}. */
    private final int anonFirst;
    private final int sourceFirst;
    private final int shmemFirst;
    private final int aliasFirst;
    private final int spare;
    private boolean made;
    private boolean spawned;

    /**
     * @param reservation the name of {@code r}
     * @param firstPage   the first of {@link #PAGES} pages of {@code r} that no other step touches
     * @param worker      the process whose context it is
     */
    UserfaultfdSteps(Random random, String reservation, int firstPage, String worker, Consumer<String> lines,
            Supplier<String> threadName) {
        this.random = random;
        this.reservation = reservation;
        this.worker = worker;
        this.lines = lines;
        this.threadName = threadName;
        this.anonFirst = firstPage;
        this.sourceFirst = anonFirst + ANON_PAGES;
        this.shmemFirst = sourceFirst + SOURCE_PAGES;
        this.aliasFirst = shmemFirst + SHMEM_PAGES;
        this.spare = aliasFirst + SHMEM_PAGES;
    }

    /** Whether the context and its areas (a memfd among them) were set up. */
    boolean made() {
        return made;
    }

    /** Whether a step spawned a thread. */
    boolean spawned() {
        return spawned;
    }

    /** Adds a line the worker runs, before the step being written. */
    private void emit(String line) {
        lines.accept("in " + worker + ": " + line);
    }

    /**
     * One step of the worker, as the text after {@code in WORKER: }; the lines it needs first (the
     * context's setup, a spawn, its resolution and join) are added before it.
     */
    String step() {
        if (!made) {
            made = true;
            setUp();
        }
        int roll = random.nextInt(100);
        if (roll < 25) {
            return register();
        } else if (roll < 32) {
            return "ioctl(" + UFFD + ", UFFDIO_UNREGISTER, {start=" + page(anyArea(), 0) + ", len=" + random.nextInt(4) + "*PAGE})";
        } else if (roll < 57) {
            return faultAndResolve();
        } else if (roll < 75) {
            return fill(anyArea(), random.nextInt(3) == 0);
        } else if (roll < 85) {
            return writeProtect();
        } else if (roll < 90) {
            return eventCall();
        }
        return switch (random.nextInt(5)) {
            case 0 -> "pagemap(" + at(anonFirst) + ", " + PAGES + ")";
            case 1 -> "vmflags(" + page(anyArea(), 0) + ")";
            case 2 -> "poll(" + UFFD + ")";
            case 3 -> "maps";
            default -> "read(" + UFFD + ")";
        };
    }

    /** The context, its handshake, and the memory its steps use (none of it registered yet). */
    private void setUp() {
        emit(UFFD + " = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)");
        StringBuilder features = new StringBuilder("0");
        for (String feature : FEATURES) {
            if (random.nextBoolean()) {
                features.append('|').append(feature);
            }
        }
        if (random.nextInt(6) == 0) {
            features.append("|UFFD_FEATURE_SIGBUS");
        }
        if (random.nextInt(6) == 0) {
            features.append("|UFFD_FEATURE_WP_ASYNC");
        }
        if (random.nextInt(20) == 0) {
            features.append("|UFFD_FEATURE_EVENT_FORK");
        }
        emit("ioctl(" + UFFD + ", UFFDIO_API, {api=UFFD_API, features=" + features + "})");
        emit("mmap(" + at(anonFirst) + ", " + ANON_PAGES + "*PAGE, PROT_READ|PROT_WRITE, "
                + pick("MAP_PRIVATE|MAP_ANONYMOUS", "MAP_PRIVATE|MAP_ANONYMOUS", "MAP_SHARED|MAP_ANONYMOUS")
                + "|MAP_FIXED, -1, 0)");
        emit("mmap(" + at(sourceFirst) + ", " + SOURCE_PAGES
                + "*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)");
        emit("store(" + at(sourceFirst) + ", " + SOURCE_PAGES + "*PAGE, " + (1 + random.nextInt(255)) + ")");
        emit(MEMFD + " = memfd_create(\"uffd\", 0)");
        emit("ftruncate(" + MEMFD + ", " + SHMEM_PAGES + "*PAGE)");
        emit("mmap(" + at(shmemFirst) + ", " + SHMEM_PAGES + "*PAGE, PROT_READ|PROT_WRITE, "
                + pick("MAP_SHARED", "MAP_SHARED", "MAP_PRIVATE") + "|MAP_FIXED, " + MEMFD + ", 0)");
        emit("mmap(" + at(aliasFirst) + ", " + SHMEM_PAGES + "*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, "
                + MEMFD + ", 0)");
    }

    private String register() {
        int area = anyArea();
        int pages = areaPages(area);
        int first = random.nextInt(pages);
        int length = 1 + random.nextInt(pages - first);
        String start = page(area, first) + (random.nextInt(15) == 0 ? "+1" : "");
        return "ioctl(" + UFFD + ", UFFDIO_REGISTER, {range={start=" + start + ", len=" + length + "*PAGE}, mode="
                + pick(MODES) + "})";
    }

    /**
     * A spawned access to a page of the areas, the message it may queue, a resolution that leaves
     * it nothing to wait for, and its join.
     */
    private String faultAndResolve() {
        int area = anyArea();
        String page = page(area, random.nextInt(areaPages(area)));
        String thread = threadName.get();
        spawned = true;
        String offset = random.nextBoolean() ? "" : "+" + random.nextInt(4096);
        emit("spawn " + thread + ": " + (random.nextBoolean()
                ? "load(" + page + offset + ", 1)"
                : "store(" + page + offset + ", 1, " + (1 + random.nextInt(255)) + ")"));
        emit("read(" + UFFD + ")");
        emit(fill(area, false));
        emit("ioctl(" + UFFD + ", UFFDIO_COPY, {dst=" + page + ", src=" + at(sourceFirst) + ", len=PAGE})");
        if (area == shmemFirst) {
            emit("ioctl(" + UFFD + ", UFFDIO_CONTINUE, {range={start=" + page + ", len=PAGE}})");
        }
        emit("ioctl(" + UFFD + ", UFFDIO_WRITEPROTECT, {range={start=" + page + ", len=PAGE}, mode=0})");
        emit("ioctl(" + UFFD + ", UFFDIO_WAKE, {start=" + page + ", len=PAGE})");
        lines.accept("join " + thread);
        return "pagemap(" + page + ", 1)";
    }

    /**
     * A call that may cause one event, spawned; the message read (or EAGAIN), perhaps a COPY that
     * an event in flight makes EAGAIN, and the join. What the call left is the step's question.
     */
    private String eventCall() {
        int area = anyArea();
        String page = page(area, random.nextInt(areaPages(area)));
        String call = switch (random.nextInt(5)) {
            case 0 -> "munmap(" + at(spare) + ", PAGE)";
            case 1 -> "mremap(" + page + ", PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, " + at(spare) + ")";
            default -> "madvise(" + page + ", PAGE, " + pick("MADV_DONTNEED", "MADV_REMOVE", "MADV_FREE",
                    "MADV_POPULATE_READ") + ")";
        };
        String thread = threadName.get();
        spawned = true;
        emit("spawn " + thread + ": " + call);
        if (random.nextBoolean()) {
            emit("ioctl(" + UFFD + ", UFFDIO_COPY, {dst=" + page + ", src=" + at(sourceFirst) + ", len=PAGE})");
        }
        emit("read(" + UFFD + ")");
        lines.accept("join " + thread);
        return random.nextBoolean() ? "maps" : "pagemap(" + page + ", 1)";
    }

    /** A fill ioctl over one or two pages of {@code area}; modes sometimes invalid when {@code odd}. */
    private String fill(int area, boolean odd) {
        String dst = page(area, random.nextInt(areaPages(area)));
        String len = (1 + random.nextInt(2)) + "*PAGE";
        String src = page(sourceFirst, random.nextInt(SOURCE_PAGES)) + (odd && random.nextBoolean() ? "+5" : "");
        return switch (random.nextInt(6)) {
            case 0 -> "ioctl(" + UFFD + ", UFFDIO_COPY, {dst=" + dst + ", src=" + src + ", len=" + len + ", mode="
                    + (odd ? pick("UFFDIO_COPY_MODE_WP", "UFFDIO_COPY_MODE_DONTWAKE", "4") : "0") + "})";
            case 1 -> "ioctl(" + UFFD + ", UFFDIO_ZEROPAGE, {range={start=" + dst + ", len=" + len + "}"
                    + (odd ? ", mode=" + pick("UFFDIO_ZEROPAGE_MODE_DONTWAKE", "2") : "") + "})";
            // a plain fill may hit the page a spawned thread waits on, and COPY follows: POISON must not
            // wake it first, or whether the thread sees the marker or the copy is a race on the kernel
            case 2 -> "ioctl(" + UFFD + ", UFFDIO_POISON, {range={start=" + dst + ", len=" + len + "}"
                    + (odd ? "" : ", mode=UFFDIO_POISON_MODE_DONTWAKE") + "})";
            case 3 -> "ioctl(" + UFFD + ", UFFDIO_CONTINUE, {range={start=" + dst + ", len=" + len + "}"
                    + (odd ? ", mode=" + pick("UFFDIO_CONTINUE_MODE_WP", "4") : "") + "})";
            case 4 -> "ioctl(" + UFFD + ", UFFDIO_MOVE, {dst=" + dst + ", src=" + src + ", len=PAGE, mode="
                    + pick("0", "UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES") + "})";
            default -> "ioctl(" + UFFD + ", UFFDIO_COPY, {dst=" + dst + ", src=" + src + ", len=" + len + "})";
        };
    }

    private String writeProtect() {
        int area = anyArea();
        return "ioctl(" + UFFD + ", UFFDIO_WRITEPROTECT, {range={start=" + page(area, 0) + ", len="
                + (1 + random.nextInt(areaPages(area))) + "*PAGE}, mode="
                + pick("UFFDIO_WRITEPROTECT_MODE_WP", "UFFDIO_WRITEPROTECT_MODE_WP", "0",
                        "UFFDIO_WRITEPROTECT_MODE_DONTWAKE", "3") + "})";
    }

    /** The anonymous area most of the time, else the shmem one. */
    private int anyArea() {
        return random.nextInt(3) == 0 ? shmemFirst : anonFirst;
    }

    private int areaPages(int area) {
        return area == shmemFirst ? SHMEM_PAGES : ANON_PAGES;
    }

    private String page(int area, int page) {
        return at(area + page);
    }

    private String at(int page) {
        return reservation + "+" + page + "*PAGE";
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
