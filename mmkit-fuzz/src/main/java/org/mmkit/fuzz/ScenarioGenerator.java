package org.mmkit.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.mmkit.core.Uapi;

/**
 * Writes random but portable scenarios as {@code .mms} text, the same text for the same seed.
 *
 * <p>Every scenario runs in an unprivileged process {@code u} (and its children) and first reserves
 * {@value #RESERVED_PAGES} pages of {@code PROT_NONE} as {@code r}
 * and then writes every address as {@code r+offset} (or relative to a named {@code mmap(NULL, ...)}
 * result), never as a number: the backends place unrelated mappings at different addresses, but
 * the same offsets inside one reservation mean the same thing on both. Steps mix valid and invalid
 * calls; their transcripts show each outcome ({@code = -1 EINVAL}, {@code => SIGSEGV}), so the
 * scenarios carry no expectations: what matters is that both backends print the same.
 *
 * <p>These rules keep a generated scenario from reporting the executor's environment rather than
 * the model:
 * <ul>
 * <li>a {@code PROT_NONE} cap of {@value #CAP_PAGES} pages, the first {@code mmap(NULL, ...)},
 *     separates the other ones from the executor's own mappings at the top of the address space;
 * <li>{@code r} sits at a fixed 2 MiB-aligned address, and everything but private anonymous memory
 *     is mapped or moved only to fixed places inside it: fault-around and page-table boundaries
 *     then look the same on both backends, although the kernel places {@code mmap(NULL, ...)}
 *     differently (the executor has its own mappings at the top);
 * <li>mappings stay small ({@code r} is 1 MiB, mappings outside it share a budget of
 *     {@value #OUTSIDE_BUDGET_PAGES} pages, and the top {@value #CEILING_PAGES} pages of {@code r}
 *     stay mapped and only the userfaultfd steps touch them, so nothing in {@code r} grows in place
 *     beyond it), so no VMA can hold an
 *     aligned 2 MiB range and the kernel never uses transparent huge pages, which the model does
 *     not have;
 * <li>mlockall never asks for MCL_CURRENT: the executor's own image alone exceeds the worker's
 *     RLIMIT_MEMLOCK in the kernel's {@code total_vm}, which the model's empty process does not;
 * <li>only calls that cannot fail are given names ({@code r}, {@code mmap(NULL, ...)} with valid
 *     arguments, {@code memfd_create} with valid flags, {@code open} with {@code O_CREAT}), so no
 *     later line uses a name without a value;
 * <li>descriptors that {@code dup2} makes are 100 to 107, clear of the executor's own;
 * <li>the vector calls take their iovecs from one page of {@code r} below the ceiling, mapped
 *     read-write in the prologue, which only iovec steps write: an iovec is never made of what
 *     other steps left in memory (a {@code getrlimit} result read as an iovec points into the
 *     executor's own image on the kernel and at nothing on the model).
 * </ul>
 */
public final class ScenarioGenerator {
    static final int RESERVED_PAGES = 256;
    /** The top pages of {@code r}: nothing grows into them; the userfaultfd steps use them. */
    static final int CEILING_PAGES = 16;
    /** How many of the worker's steps are userfaultfd steps, in percent. */
    private static final int USERFAULTFD_PERCENT = 8;
    /** How many of the worker's steps are PAGEMAP_SCAN and WP_ASYNC steps, in percent. */
    private static final int PAGEMAP_SCAN_PERCENT = 4;
    /** Mixed into the seed for the PAGEMAP_SCAN part's random stream. */
    private static final long PAGEMAP_SCAN_STREAM = 0x5ca9_5ca9L;
    /** How often, in percent of the steps where it is allowed ({@link #reclaimComparable}), reclaim is asked for. */
    private static final int RECLAIM_PERCENT = 3;
    /** Seeds the reclaim steps' own random stream, as {@link #PAGEMAP_SCAN_STREAM} does for PAGEMAP_SCAN. */
    private static final long RECLAIM_STREAM = 0x7ec1_a140L;
    static final int CAP_PAGES = 16;
    /** The lines before the steps: header comment, the worker, {@code r}, the iovec page, the cap and the break. */
    static final int PROLOGUE_LINES = 6;
    /** The page of {@code r} right below the ceiling that holds the iovecs of the vector calls, and nothing else. */
    private static final int IOVEC_PAGE = RESERVED_PAGES - CEILING_PAGES - 1;
    /** The iovec slots of that page that steps store and vector calls start at. */
    private static final int IOVEC_SLOTS = 8;
    static final int OUTSIDE_BUDGET_PAGES = 128;
    private static final int MAX_RANGE_PAGES = 8;
    private static final int MAX_FILE_PAGES = 12;
    private static final int MAX_LIVE_CHILDREN = 3;
    private static final String RESERVATION = "r";
    /** The worker's program break at the start: brk steps stay at or above it. */
    private static final String BREAK = "hb";
    /** How far above the first break brk steps go. */
    private static final int MAX_HEAP_PAGES = 32;
    /**
     * Where {@code r} goes: a free, 2 MiB-aligned address (a hint, taken because nothing is
     * there). Page-table boundaries and fault-around windows then fall at the same offsets of
     * {@code r} on both backends; a kernel-chosen place would not be, as the executor's own
     * mappings at the top of the address space shift it.
     */
    private static final String RESERVATION_HINT = "0x7f0000000000";
    /**
     * The process that runs the scenario: unprivileged, so pagemap hides PFNs. Which freed frame
     * the kernel hands out next depends on its per-CPU lists and batches, so frame labels of
     * reused pages would differ between runs of the kernel itself, not just from the model.
     */
    private static final String WORKER = "u";
    private static final String[] PROTS = {
        "PROT_NONE", "PROT_READ", "PROT_READ|PROT_WRITE", "PROT_READ|PROT_EXEC", "PROT_READ|PROT_WRITE|PROT_EXEC",
        "PROT_WRITE",
    };
    private static final String[] ADVICE = {
        "MADV_DONTNEED", "MADV_FREE", "MADV_REMOVE", "MADV_POPULATE_READ", "MADV_POPULATE_WRITE", "MADV_DONTFORK",
        "MADV_DOFORK", "MADV_WIPEONFORK", "MADV_KEEPONFORK", "MADV_HUGEPAGE", "MADV_NOHUGEPAGE", "MADV_NORMAL",
        "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED", "MADV_GUARD_INSTALL", "MADV_GUARD_REMOVE",
        "MADV_DONTNEED_LOCKED", "MADV_COLD", "MADV_PAGEOUT",
    };
    /**
     * mlockall flags without MCL_CURRENT, valid or not: the kernel counts the executor's own image
     * (more than RLIMIT_MEMLOCK) in the worker's {@code total_vm}, so MCL_CURRENT is always ENOMEM
     * there, where the model's empty process would succeed.
     */
    private static final String[] MLOCKALL_FLAGS = {"MCL_FUTURE", "MCL_FUTURE|MCL_ONFAULT", "MCL_ONFAULT", "0", "8"};
    /** msync flags: each valid combination, and the invalid ones. */
    private static final String[] MSYNC_FLAGS = {
        "MS_ASYNC", "MS_SYNC", "MS_INVALIDATE", "MS_ASYNC|MS_INVALIDATE", "MS_SYNC|MS_INVALIDATE", "0",
        "MS_ASYNC|MS_SYNC", "8",
    };
    /** Values no advice has: madvise must say EINVAL. */
    private static final String[] INVALID_ADVICE = {"5", "77", "104"};
    /** smaps fields that every VMA has and that do not depend on timing (LazyFree does: per-CPU batches). */
    private static final String[] SMAPS_FIELDS = {
        "Size", "Rss", "Pss", "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced",
        "Anonymous", "Swap", "Locked",
    };
    /**
     * The smaps fields once a step asked for MADV_FREE, MADV_COLD or MADV_PAGEOUT: they age PTEs,
     * so {@code Referenced} then shows PG_referenced, which the kernel's per-CPU LRU batches
     * change when they drain, and DAMON when it samples or pages out: timing, not the model.
     */
    private static final String[] SMAPS_FIELDS_AFTER_AGING =
            Arrays.stream(SMAPS_FIELDS).filter(field -> !field.equals("Referenced")).toArray(String[]::new);

    /**
     * An address range the scenario names: {@code r}, or a {@code mmap(NULL, ...)} result of the
     * worker. {@code maybeUnmapped} marks pages that some step may have unmapped in the worker, so
     * steps that need a VMA ({@code vmflags}, {@code smaps}) pick other pages.
     */
    private record Region(String name, int usablePages, BitSet maybeUnmapped) {
    }

    private final Random random;
    private final List<String> lines = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<String> fds = new ArrayList<>();
    /** Descriptors of {@code /proc/self/mem}: only read from. */
    private final List<String> memFds = new ArrayList<>();
    /** Names of files made in the working directory, which may since have been unlinked. */
    private final List<String> files = new ArrayList<>();
    private final List<String> liveChildren = new ArrayList<>();
    private int outsideBudget = OUTSIDE_BUDGET_PAGES;
    private int names;
    /** The process running the step being written: {@link #WORKER} or a live child. */
    private String process;
    /** Whether a shared anonymous or droppable mapping was asked for (memfds and files show in {@link #fds}, {@link #files}). */
    private boolean sharedOrDroppable;
    /** The reclaim steps' own random stream: they are added between the others, which stay what they were for the seed. */
    private final Random reclaimRandom;
    /** Whether some step asked for MADV_FREE, MADV_COLD or MADV_PAGEOUT (see {@link #SMAPS_FIELDS_AFTER_AGING}). */
    private boolean aged;

    /** The userfaultfd part, in the top pages of {@code r} that the other steps never touch. */
    private final UserfaultfdSteps userfaultfd;
    /** The PAGEMAP_SCAN part: scans anywhere in {@code r}, WP_ASYNC registrations below its top pages. */
    private final PagemapScanSteps pagemapScan;
    /**
     * The PAGEMAP_SCAN part's own random stream, which also decides when it runs: its steps are
     * added between the others, which stay what they were for the seed.
     */
    private final Random pagemapScanRandom;

    private ScenarioGenerator(long seed) {
        this.random = new Random(seed);
        this.userfaultfd = new UserfaultfdSteps(random, RESERVATION, RESERVED_PAGES - CEILING_PAGES, WORKER, lines::add,
                () -> newName("t"));
        this.pagemapScanRandom = new Random(seed ^ PAGEMAP_SCAN_STREAM);
        this.reclaimRandom = new Random(seed ^ RECLAIM_STREAM);
        this.pagemapScan = new PagemapScanSteps(pagemapScanRandom, RESERVATION, RESERVED_PAGES,
                RESERVED_PAGES - CEILING_PAGES, WORKER, lines::add);
    }

    /** A scenario of {@code ops} random steps after the reservation; the same text for the same seed. */
    public static String generate(long seed, int ops) {
        return new ScenarioGenerator(seed).scenario(seed, ops);
    }

    private String scenario(long seed, int ops) {
        lines.add("# Generated by mmkit fuzz --seed " + seed + " --ops " + ops);
        if (withSwap(seed)) {
            lines.add("requires: swap, memcg");
        }
        lines.add("process " + WORKER + " unprivileged");
        lines.add("in " + WORKER + ": " + RESERVATION + " = mmap(" + RESERVATION_HINT + ", " + RESERVED_PAGES
                + "*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
        lines.add("in " + WORKER + ": mmap(" + RESERVATION + "+" + IOVEC_PAGE
                + "*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)");
        // the first mmap(NULL) lies right below the executor's own mappings (the model has none
        // there): a PROT_NONE cap keeps every later one, and every access past it, away from them
        lines.add("in " + WORKER + ": mmap(NULL, " + CAP_PAGES + "*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
        lines.add("in " + WORKER + ": " + BREAK + " = brk(0)");
        regions.add(new Region(RESERVATION, IOVEC_PAGE, new BitSet()));
        for (int i = 0; i < ops; i++) {
            process = !liveChildren.isEmpty() && random.nextInt(4) == 0 ? pick(liveChildren) : WORKER;
            if (inWorker() && pagemapScanRandom.nextInt(100) < PAGEMAP_SCAN_PERCENT) {
                lines.add("in " + process + ": " + pagemapScan.step());
            }
            lines.add("in " + process + ": " + step());
            if (withSwap(seed) && reclaimComparable() && reclaimRandom.nextInt(100) < RECLAIM_PERCENT) {
                reclaim();
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Whether the scenario of {@code seed} runs with the swap area the kernel backend lends (and
     * the model switches on): one seed in four, chosen without drawing from the random stream,
     * so that the steps of a seed do not depend on it. MADV_PAGEOUT then really swaps.
     */
    static boolean withSwap(long seed) {
        return Math.floorMod(seed, 4) == 0;
    }

    /**
     * Whether a {@code reclaim()} now ends in the same state on both backends. The kernel leaves
     * pages on its active lists where they are: it ages a memory cgroup's lists by LRU statistics
     * it flushes only every 2 s, while the model's are exact and it reclaims those pages too.
     * {@link #reclaim} makes that invisible for private anonymous memory by bringing every page
     * back; shmem and droppable pages, and pages fork shares (two young PTEs activate a page),
     * would still differ, so reclaim waits until the worker is alone and none was ever made.
     */
    private boolean reclaimComparable() {
        return liveChildren.isEmpty() && fds.isEmpty() && files.isEmpty() && !sharedOrDroppable && !userfaultfd.made();
    }

    /**
     * Reclaim of everything, then swapoff and swapon, which bring every swapped page back: what
     * compares afterwards is that no byte changed and which pages were dropped (clean MADV_FREE
     * pages), not which ones the kernel's aging let stay. PTEs lose their young bits on one side
     * only, so {@code Referenced} is not compared from here on.
     */
    private void reclaim() {
        aged = true;
        lines.add("in " + WORKER + ": reclaim()");
        lines.add("in " + WORKER + ": swapoff()");
        lines.add("in " + WORKER + ": swapon()");
    }

    /** One step, chosen by weight. */
    private String step() {
        if (inWorker() && random.nextInt(100) < USERFAULTFD_PERCENT) {
            return userfaultfd.step();
        }
        int roll = random.nextInt(100);
        if (roll < 14) {
            return mmap();
        } else if (roll < 20) {
            return munmap();
        } else if (roll < 27) {
            return mprotect();
        } else if (roll < 34) {
            return mremap();
        } else if (roll < 44) {
            return madvise();
        } else if (roll < 47) {
            return mlock();
        } else if (roll < 48) {
            return msync();
        } else if (roll < 53) {
            return memfd();
        } else if (roll < 56) {
            return processStep();
        } else if (roll < 64) {
            return load();
        } else if (roll < 74) {
            return store();
        } else if (roll < 80) {
            return "pagemap(" + address(true) + ", " + (1 + random.nextInt(MAX_RANGE_PAGES)) + ")";
        } else if (roll < 83) {
            return "mincore(" + address(random.nextInt(8) != 0) + ", " + length() + ")";
        } else if (roll < 86) {
            return "vmas(" + address(true) + ", " + length() + ")";
        } else if (roll < 89) {
            return random.nextBoolean() ? "maps" : "maps(" + address(random.nextBoolean()) + ")";
        } else if (roll < 92) {
            return limitsStep();
        } else if (roll < 98) {
            return file();
        } else if (roll < 99) {
            return switch (random.nextInt(5)) {
                case 0, 1 -> remapFilePages();
                case 2 -> procCounter();
                case 3 -> processVm();
                default -> procMem();
            };
        }
        return vmaQuery();
    }

    // ---- limits, the heap, sealing and VMA names ----

    /**
     * A step of the limits part: RLIMIT_MEMLOCK or RLIMIT_NOFILE (the soft limit) set from a struct
     * written just before (limits whose effects compare exactly, since the executor locks nothing
     * and keeps its own descriptors at 1022 and 1023; its own image counts against RLIMIT_AS and
     * RLIMIT_DATA on the kernel), in a child only, since after
     * mlockall(MCL_FUTURE) a low limit would make the worker's named mmap(NULL) calls fail; getrlimit, brk at or above the break the
     * prologue named (below it lies the executor's own heap), mseal of a range or of the heap, and
     * PR_SET_VMA_ANON_NAME with whatever bytes the range holds as the name.
     */
    private String limitsStep() {
        Range range = range();
        return switch (random.nextInt(8)) {
            case 0 -> {
                if (inWorker()) {
                    yield "getrlimit(RLIMIT_MEMLOCK, " + range.start() + ")";
                }
                if (random.nextBoolean()) {
                    // the hard limit stays, and the struct goes into a page of its own, since a store
                    // into a read-only range would leave a 0/0 limit: the kernel backend's executor
                    // opens its own descriptors up to the hard limit
                    int files = 4 + random.nextInt(28);
                    String limit = newName("lim");
                    lines.add("in " + process + ": " + limit
                            + " = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
                    lines.add("in " + process + ": store(" + limit + ", rlimit{rlim_cur=" + files + ", rlim_max="
                            + pick("4096", "4096", "4097", Integer.toString(files - 1)) + "})");
                    yield "setrlimit(RLIMIT_NOFILE, " + limit + ")";
                }
                int pages = random.nextInt(MAX_RANGE_PAGES * 2);
                lines.add("in " + process + ": store(" + range.start() + ", rlimit{rlim_cur=" + pages + "*PAGE, rlim_max="
                        + (pages + random.nextInt(3)) + "*PAGE})");
                yield "setrlimit(RLIMIT_MEMLOCK, " + range.start() + ")";
            }
            case 1 -> "getrlimit(" + pick("RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_DATA", "RLIMIT_NOFILE", "RLIM_NLIMITS") + ", "
                    + range.start() + ")";
            case 2, 3 -> "brk(" + BREAK + " + " + random.nextInt(MAX_HEAP_PAGES + 1) + "*PAGE"
                    + (random.nextInt(4) == 0 ? " + " + (1 + random.nextInt(4095)) : "") + ")";
            case 4 -> "mseal(" + BREAK + ", " + random.nextInt(MAX_HEAP_PAGES) + "*PAGE, 0)";
            case 5, 6 -> "mseal(" + range.start() + ", " + range.length() + ", " + (random.nextInt(10) == 0 ? "1" : "0") + ")";
            default -> "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, " + range.start() + ", " + range.length() + ", "
                    + pick("0", range.start()) + ")";
        };
    }

    // ---- mappings ----

    private String mmap() {
        int kind = random.nextInt(10);
        if (kind < 2 && inWorker()) {
            int pages = 1 + random.nextInt(MAX_RANGE_PAGES);
            if (spendOutside(pages)) {
                return namedMapping(pages);
            }
        }
        if (kind < 4) {
            return invalidMmap();
        }
        // only inside r: shared and file pages elsewhere would sit at backend-specific alignments
        Range range = rangeIn(regions.getFirst(), 1 + random.nextInt(MAX_RANGE_PAGES));
        String placement = random.nextInt(6) == 0 ? "|MAP_FIXED_NOREPLACE" : "|MAP_FIXED";
        return "mmap(" + range.start() + ", " + range.length() + ", " + pick(PROTS) + ", " + backing(placement) + ")";
    }

    /** The flags, fd and offset of a valid mapping: anonymous private or shared, or a memfd. */
    private String backing(String placement) {
        String extra = switch (random.nextInt(8)) {
            case 0 -> "|MAP_POPULATE";
            case 1 -> "|MAP_LOCKED";
            case 2 -> "|MAP_NORESERVE";
            default -> "";
        };
        int type = random.nextInt(fds.isEmpty() ? 4 : 6);
        sharedOrDroppable |= type <= 1;
        return switch (type) {
            case 0 -> "MAP_SHARED|MAP_ANONYMOUS" + placement + extra + ", -1, 0";
            case 1 -> "MAP_DROPPABLE|MAP_ANONYMOUS" + placement + extra + ", -1, 0";
            case 4 -> "MAP_SHARED" + placement + extra + ", " + pick(fds) + ", " + random.nextInt(4) + "*PAGE";
            case 5 -> "MAP_PRIVATE" + placement + extra + ", " + pick(fds) + ", " + random.nextInt(4) + "*PAGE";
            default -> "MAP_PRIVATE|MAP_ANONYMOUS" + placement + extra + ", -1, 0";
        };
    }

    /** {@code mN = mmap(NULL, ...)} of the worker with valid arguments: it cannot fail, so it can be named. */
    private String namedMapping(int pages) {
        String name = newName("m");
        regions.add(new Region(name, pages, new BitSet()));
        // private anonymous: no fault-around, so where the kernel puts it does not show
        return name + " = mmap(NULL, " + pages + "*PAGE, " + pick(PROTS) + ", MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)";
    }

    /** A mapping the kernel refuses, each for a reason of its own (kernel-spec §9.1). */
    private String invalidMmap() {
        Range range = rangeIn(regions.getFirst(), 1 + random.nextInt(MAX_RANGE_PAGES));
        String prot = pick(PROTS);
        return switch (random.nextInt(8)) {
            case 0 -> "mmap(" + range.start() + ", 0, " + prot + ", MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)";
            case 1 -> "mmap(" + range.start() + ", " + range.length() + ", " + prot + ", MAP_ANONYMOUS|MAP_FIXED, -1, 0)";
            case 2 -> "mmap(" + range.start() + ", " + range.length() + ", " + prot
                    + ", MAP_SHARED_VALIDATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)";
            case 3 -> "mmap(" + range.start() + ", " + range.length() + ", " + prot + ", MAP_PRIVATE|MAP_FIXED, -1, 0)";
            case 4 -> "mmap(" + range.start() + "+1, " + range.length() + ", " + prot
                    + ", MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)";
            case 5 -> "mmap(" + range.start() + ", " + range.length() + ", " + prot + ", MAP_SHARED|MAP_FIXED, 99, 0)";
            case 6 -> "mmap(" + range.start() + ", " + range.length() + ", " + prot + ", MAP_SHARED|MAP_FIXED, "
                    + (fds.isEmpty() ? "-1" : pick(fds)) + ", 100)";
            // droppable memory is anonymous only, and cannot be locked
            default -> "mmap(" + range.start() + ", " + range.length() + ", " + prot + ", MAP_DROPPABLE|MAP_FIXED"
                    + (fds.isEmpty() ? "|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)" : ", " + pick(fds) + ", 0)");
        };
    }

    private String munmap() {
        Range range = range();
        markUnmapped(range);
        return switch (random.nextInt(10)) {
            case 0 -> "munmap(" + range.start() + "+8, " + range.length() + ")";
            case 1 -> "munmap(" + range.start() + ", 0)";
            default -> "munmap(" + range.start() + ", " + range.length() + ")";
        };
    }

    private String mprotect() {
        Range range = range();
        String prot = switch (random.nextInt(12)) {
            case 0 -> "0x100";
            case 1 -> "PROT_READ|PROT_GROWSDOWN";
            default -> pick(PROTS);
        };
        String start = random.nextInt(12) == 0 ? range.start() + "+1" : range.start();
        String length = random.nextInt(12) == 0 ? "0" : range.length();
        return "mprotect(" + start + ", " + length + ", " + prot + ")";
    }

    private String mremap() {
        Range old = range();
        markUnmapped(old);
        int oldPages = old.pages();
        int grown = oldPages + 1 + random.nextInt(MAX_RANGE_PAGES);
        String call = "mremap(" + old.start() + ", ";
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                return call + old.length() + ", " + (1 + random.nextInt(oldPages)) + "*PAGE, 0, 0)";
            }
            case 2, 3 -> {
                // growing in place may take address space outside r; moves go only to fixed places in r
                if (!spendOutside(grown)) {
                    return call + old.length() + ", " + old.length() + ", 0, 0)";
                }
                return call + old.length() + ", " + grown + "*PAGE, 0, 0)";
            }
            case 4, 5 -> {
                Range target = rangeIn(regions.getFirst(), 1 + random.nextInt(MAX_RANGE_PAGES));
                return call + old.length() + ", " + target.length() + ", MREMAP_MAYMOVE|MREMAP_FIXED, " + target.start() + ")";
            }
            case 6 -> {
                Range target = rangeIn(regions.getFirst(), oldPages);
                return call + old.length() + ", " + old.length()
                        + ", MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, " + target.start() + ")";
            }
            case 7 -> {
                // old_len 0: a second mapping of the same pages; only shared mappings allow it (kernel-spec §9.4)
                Range target = rangeIn(regions.getFirst(), oldPages);
                return call + "0, " + old.length() + ", MREMAP_MAYMOVE|MREMAP_FIXED, " + target.start() + ")";
            }
            default -> {
                return call + switch (random.nextInt(4)) {
                    case 0 -> old.length() + ", " + old.length() + ", 8, 0)";
                    case 1 -> old.length() + ", 0, MREMAP_MAYMOVE, 0)";
                    case 2 -> old.length() + ", " + old.length() + ", MREMAP_FIXED, " + range().start() + ")";
                    default -> old.length() + ", 2*" + old.length() + ", MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0)";
                };
            }
        }
    }

    private String madvise() {
        Range range = range();
        String advice = random.nextInt(12) == 0 ? pick(INVALID_ADVICE) : pick(ADVICE);
        aged |= advice.equals("MADV_FREE") || advice.equals("MADV_COLD") || advice.equals("MADV_PAGEOUT");
        String start = random.nextInt(15) == 0 ? range.start() + "+1" : range.start();
        return "madvise(" + start + ", " + range.length() + ", " + advice + ")";
    }

    private String mlock() {
        Range range = range();
        return switch (random.nextInt(7)) {
            case 0, 1 -> "mlock(" + range.start() + ", " + range.length() + ")";
            case 2 -> "mlock2(" + range.start() + ", " + range.length() + ", " + pick("0", "MLOCK_ONFAULT", "2") + ")";
            case 3, 4 -> "munlock(" + range.start() + ", " + range.length() + ")";
            case 5 -> "mlockall(" + pick(MLOCKALL_FLAGS) + ")";
            default -> "munlockall()";
        };
    }

    private String msync() {
        Range range = range();
        String start = random.nextInt(10) == 0 ? range.start() + "+1" : range.start();
        return "msync(" + start + ", " + range.length() + ", " + pick(MSYNC_FLAGS) + ")";
    }

    /**
     * {@code remap_file_pages} over any range: valid on shared mappings, EINVAL elsewhere, with a
     * page offset that may lie past the end of the file; now and then a non-zero prot or an
     * unaligned start.
     */
    private String remapFilePages() {
        Range range = range();
        String start = random.nextInt(10) == 0 ? range.start() + "+1" : range.start();
        String prot = random.nextInt(10) == 0 ? "PROT_READ" : "0";
        return "remap_file_pages(" + start + ", " + range.length() + ", " + prot + ", "
                + random.nextInt(MAX_FILE_PAGES + 4) + ", " + pick("0", "0", "MAP_NONBLOCK", "0x8000") + ")";
    }

    /** The {@code /proc} counters that move only with the scenario's mappings (docs/scenario-language.md). */
    private static final String[] PROC_COUNTERS = {
        "status.VmSize", "status.VmLck", "status.VmData", "status.VmLib", "status.RssAnon", "status.RssShmem",
        "status.VmRSS", "statm.size", "statm.data", "statm.shared", "smaps_rollup.Pss_Shmem", "smaps_rollup.Locked",
    };

    /**
     * The counters once a thread was spawned: on the kernel a spawned thread runs on a stack in
     * the executor's own image, whose pages its first use brings into the worker's RSS, and runs
     * executor code the worker had not touched yet, which statm's shared (file) pages count.
     */
    private static final String[] PROC_COUNTERS_AFTER_SPAWN = Arrays.stream(PROC_COUNTERS)
            .filter(counter -> !List.of("status.VmRSS", "status.RssAnon", "statm.shared").contains(counter))
            .toArray(String[]::new);

    private String procCounter() {
        return pick(userfaultfd.spawned() ? PROC_COUNTERS_AFTER_SPAWN : PROC_COUNTERS);
    }

    /**
     * {@code /proc/self/mem} of the worker, opened once, read-only or read-write, and kept apart
     * from the other descriptors: forced reads and writes anywhere, from and into any buffer.
     */
    private String procMem() {
        if (memFds.isEmpty()) {
            if (!inWorker()) {
                return procCounter();
            }
            String name = newName("mem");
            memFds.add(name);
            return name + " = open(\"/proc/self/mem\", " + pick("O_RDONLY", "O_RDWR") + ", 0)";
        }
        return pick("pread(", "pwrite(") + pick(memFds) + ", " + range().start() + ", " + accessLength() + ", "
                + address(random.nextInt(4) != 0) + ")";
    }

    /**
     * {@code process_vm_readv}/{@code process_vm_writev} between the running process and the
     * worker or a live child, with both iovec arrays in the iovec page (their buffers
     * anywhere, their lengths sometimes huge or negative).
     */
    private String processVm() {
        String target = liveChildren.isEmpty() || random.nextBoolean() ? WORKER : pick(liveChildren);
        String local = iovecSlot();
        String remote = iovecSlot();
        return pick("process_vm_readv(", "process_vm_writev(") + "pid(" + target + "), " + local + ", "
                + pick("1", "2", "0") + ", " + remote + ", " + pick("1", "2", "1025") + ", 0)";
    }

    // ---- memfds ----

    private String memfd() {
        if (fds.isEmpty() && !inWorker()) {
            // only the worker names descriptors, so a name always stands for a descriptor of its table
            return "memfd_create(\"child\", 0)";
        }
        if (fds.isEmpty() || (inWorker() && random.nextInt(5) == 0)) {
            String name = newName("fd");
            fds.add(name);
            String flags = pick("0", "MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_NOEXEC_SEAL", "MFD_ALLOW_SEALING",
                    "MFD_EXEC|MFD_ALLOW_SEALING");
            return name + " = memfd_create(\"" + name + "\", " + flags + ")";
        }
        String fd = pick(fds);
        return switch (random.nextInt(13)) {
            case 0, 1, 2, 3 -> "ftruncate(" + fd + ", " + fileLength() + ")";
            case 4 -> "ftruncate(" + fd + ", -1)";
            case 5 -> random.nextInt(4) == 0 ? "memfd_create(" + pick("NULL", "8", "\"" + "x".repeat(250) + "\"") + ", 0)"
                    : "memfd_create(\"bad\", " + pick("0x40", "MFD_HUGETLB|0x40", "0x54000000") + ")";
            case 6 -> "close(" + fd + ")";
            case 7 -> seal(fd);
            case 8 -> "write(" + fd + ", " + range().start() + ", " + accessLength() + ")";
            default -> "fallocate(" + fd + ", "
                    + pick("0", "FALLOC_FL_KEEP_SIZE", "FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE", "FALLOC_FL_PUNCH_HOLE")
                    + ", " + random.nextInt(MAX_FILE_PAGES) + "*PAGE, " + fileLength() + ")";
        };
    }

    /**
     * A seal step: adding seals (each kind, pairs, the implying F_SEAL_EXEC, an unknown bit), or
     * reading them. Whether adding works depends on the memfd's flags, its earlier seals and the
     * shared mappings of every process, which the other steps vary.
     */
    private String seal(String fd) {
        if (random.nextInt(4) == 0) {
            return "fcntl(" + fd + ", F_GET_SEALS, 0)";
        }
        String seals = pick("F_SEAL_WRITE", "F_SEAL_FUTURE_WRITE", "F_SEAL_GROW", "F_SEAL_SHRINK", "F_SEAL_SEAL",
                "F_SEAL_EXEC", "F_SEAL_GROW|F_SEAL_SHRINK", "F_SEAL_WRITE|F_SEAL_SEAL", "0x40");
        return "fcntl(" + fd + ", F_ADD_SEALS, " + seals + ")";
    }

    private String fileLength() {
        int pages = random.nextInt(MAX_FILE_PAGES);
        return random.nextInt(4) == 0 ? pages + "*PAGE+" + (1 + random.nextInt(4095)) : pages + "*PAGE";
    }

    // ---- files by path, descriptors, positional and vector I/O ----

    /**
     * A step on tmpfs files of the working directory ({@code f1}, {@code f2}...), on pipes (always
     * O_NONBLOCK: nothing may wait for another thread), or on any descriptor, with vector I/O
     * through iovecs stored in the iovec page. Only opens with O_CREAT, and O_TMPFILE opens for
     * writing, get names: they cannot fail, whatever was unlinked before. Paths also take the
     * forms the kernel walks specially (a trailing slash, {@code .} and {@code ..} after a name,
     * O_TMPFILE in the directory or on a file), and {@code /proc/self/fd/N} reopens any
     * descriptor, a pipe end too (with O_NONBLOCK, like every pipe here). F_SETFL keeps
     * O_NONBLOCK for the same reason and leaves out O_DIRECT and O_NOATIME, which the model
     * refuses on pipes and owners. Named descriptors join the memfds, so mapping, truncating,
     * sealing and writing steps take them too, with their access modes. {@code fstat} is left out: its buffer holds inode
     * numbers and times, which differ between backends.
     */
    private String file() {
        if (inWorker() && random.nextInt(16) == 0) {
            String name = newName("fd");
            fds.add(name);
            return name + " = open(" + pick("\".\"", "\"./\"", "\".//.\"") + ", O_TMPFILE|" + pick("O_RDWR", "O_WRONLY")
                    + pick("", "|O_EXCL", "|O_APPEND") + ", " + pick("0600", "0644", "07777") + ")";
        }
        if (files.isEmpty() || (inWorker() && random.nextInt(4) == 0)) {
            String path = files.isEmpty() || random.nextInt(3) == 0 ? newFile() : pick(files);
            String access = pick("O_RDWR", "O_RDWR", "O_RDONLY", "O_WRONLY");
            String extra = pick("", "", "|O_TRUNC", "|O_APPEND", "|O_CLOEXEC");
            String open = "open(\"" + path + "\", " + access + "|O_CREAT" + extra + ", 0600)";
            if (!inWorker()) {
                return open;
            }
            String name = newName("fd");
            fds.add(name);
            return name + " = " + open;
        }
        String path = pick(files);
        String fd = descriptor();
        Range buffer = range();
        String offset = random.nextInt(MAX_FILE_PAGES) + "*PAGE" + (random.nextBoolean() ? "" : "+" + random.nextInt(4096));
        return switch (random.nextInt(20)) {
            case 16 -> "fcntl(" + fd + ", F_SETFL, " + pick("O_NONBLOCK", "O_APPEND|O_NONBLOCK", "O_ASYNC|O_NONBLOCK",
                    "O_APPEND|O_ASYNC|O_NONBLOCK") + ")";
            case 17 -> "open(\"/proc/self/fd/" + (3 + random.nextInt(10)) + "\", "
                    + pick("O_RDONLY", "O_WRONLY", "O_RDWR", "O_PATH", "O_RDWR|O_TRUNC", "O_RDONLY|O_CREAT|O_EXCL")
                    + "|O_NONBLOCK, 0)";
            case 18 -> "open(\"" + pick(path + "/", path + "//", path + "/.", path + "/..", "./" + path, path + "/../" + path,
                    "missing/../" + path) + "\", " + pick("O_RDONLY", "O_RDWR|O_CREAT", "O_PATH", "O_WRONLY|O_CREAT|O_EXCL")
                    + ", 0600)";
            case 19 -> random.nextBoolean() ? "unlink(\"" + pick(path + "/", "./" + path, path + "/.") + "\")"
                    : "open(" + pick("\".\"", "\"" + path + "\"", "\"missing\"", "\"/proc/self/fd/3\"") + ", O_TMPFILE|"
                    + pick("O_RDONLY", "O_RDWR|O_CREAT", "O_RDWR", "O_PATH") + ", 0600)";
            case 12 -> "pipe2(" + buffer.start() + ", O_NONBLOCK" + pick("", "|O_CLOEXEC") + ")";
            case 13 -> {
                // an iovec for the vector calls; its buffer anywhere, its length sometimes huge
                yield "store(" + iovecSlot() + ", iovec{iov_base=" + range().start() + ", iov_len="
                        + pick(accessLength(), accessLength(), "0", "-1") + "})";
            }
            case 14, 15 -> {
                String vector = iovecSlot();
                String count = pick("1", "1", "2", "3", "1025");
                yield random.nextBoolean() ? pick("readv(", "writev(") + fd + ", " + vector + ", " + count + ")"
                        : pick("preadv(", "pwritev(") + fd + ", " + vector + ", " + count + ", " + offset + ")";
            }
            case 0 -> "unlink(\"" + path + "\")";
            case 1 -> "open(\"" + path + "\", " + pick("O_PATH", "O_RDONLY", "O_RDWR|O_CREAT|O_EXCL", "O_WRONLY|O_TRUNC")
                    + ", 0600)";
            case 2 -> random.nextBoolean() ? "dup(" + fd + ")" : "dup2(" + fd + ", " + (100 + random.nextInt(8)) + ")";
            case 3 -> "read(" + fd + ", " + buffer.start() + ", " + accessLength() + ")";
            case 4 -> "lseek(" + fd + ", " + offset + ", " + pick("SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE")
                    + ")";
            case 5, 6 -> "pread(" + fd + ", " + buffer.start() + ", " + accessLength() + ", " + offset + ")";
            case 7, 8 -> "pwrite(" + fd + ", " + buffer.start() + ", " + accessLength() + ", " + offset + ")";
            case 9 -> "close(" + (100 + random.nextInt(8)) + ")";
            default -> "mmap(" + rangeIn(regions.getFirst(), 1 + random.nextInt(MAX_RANGE_PAGES)).start() + ", PAGE, "
                    + pick(PROTS) + ", " + pick("MAP_SHARED", "MAP_PRIVATE") + "|MAP_FIXED, " + fd + ", 0)";
        };
    }

    /**
     * A named descriptor, or a number from 3 up: descriptors are the lowest free ones on both
     * backends, so a number reaches the same pipe, duplicate or O_PATH descriptor on each.
     */
    private String descriptor() {
        if (fds.isEmpty() || random.nextInt(3) == 0) {
            return Integer.toString(3 + random.nextInt(10));
        }
        return pick(fds);
    }

    /**
     * An iovec slot of the iovec page: a stored iovec, or zeros (an empty one) where none was
     * stored; a vector call of several reads the slots after it, which are the same.
     */
    private String iovecSlot() {
        return RESERVATION + "+" + IOVEC_PAGE + "*PAGE+" + 16 * random.nextInt(IOVEC_SLOTS);
    }

    private String newFile() {
        String path = "f" + (files.size() + 1);
        files.add(path);
        return path;
    }

    // ---- processes ----

    private String processStep() {
        if (!inWorker() && random.nextBoolean()) {
            liveChildren.remove(process);
            return "exit()";
        }
        if (inWorker() && !liveChildren.isEmpty()
                && (liveChildren.size() >= MAX_LIVE_CHILDREN || random.nextInt(3) == 0)) {
            return "exit(" + liveChildren.removeLast() + ")";
        }
        if (liveChildren.size() >= MAX_LIVE_CHILDREN) {
            return store();
        }
        String child = newName("c");
        liveChildren.add(child);
        return "fork() => " + child;
    }

    // ---- memory accesses and questions ----

    private String load() {
        return "load(" + address(random.nextInt(6) != 0) + ", " + accessLength() + ")";
    }

    private String store() {
        return "store(" + address(random.nextInt(6) != 0) + ", " + accessLength() + ", " + (1 + random.nextInt(255)) + ")";
    }

    private String accessLength() {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(1 + random.nextInt(16));
            case 1 -> "PAGE";
            case 2 -> (1 + random.nextInt(3)) + "*PAGE";
            default -> "PAGE+" + (1 + random.nextInt(100));
        };
    }

    /** {@code vmflags} or a {@code smaps} field of the worker, on a page no step may have unmapped. */
    private String vmaQuery() {
        if (!inWorker()) {
            return "pagemap(" + address(true) + ", 1)";
        }
        Region region = pick(regions);
        List<Integer> mapped = new ArrayList<>();
        for (int page = region.maybeUnmapped().nextClearBit(0); page < region.usablePages();
                page = region.maybeUnmapped().nextClearBit(page + 1)) {
            mapped.add(page);
        }
        if (mapped.isEmpty()) {
            return "maps";
        }
        String address = at(region, pick(mapped));
        return random.nextBoolean() ? "vmflags(" + address + ")" : "smaps(" + address + ")." + pick(aged ? SMAPS_FIELDS_AFTER_AGING : SMAPS_FIELDS);
    }

    // ---- addresses ----

    /** A range of {@code pages} pages inside a region, written relative to its name. */
    private record Range(Region region, int firstPage, int pages, String start, String length) {
    }

    private Range range() {
        return rangeIn(region(), 1 + random.nextInt(MAX_RANGE_PAGES));
    }

    /** {@code r} half of the time (most of the action is there), else any named region. */
    private Region region() {
        return random.nextBoolean() ? regions.getFirst() : pick(regions);
    }

    /** Up to {@code pages} pages inside {@code region}; sometimes a length that is not a page multiple. */
    private Range rangeIn(Region region, int pages) {
        int n = Math.min(pages, region.usablePages());
        int first = random.nextInt(region.usablePages() - n + 1);
        String length = n == 1 ? "PAGE" : n + "*PAGE";
        if (random.nextInt(8) == 0) {
            length = (n - 1) + "*PAGE+" + (1 + random.nextInt(4095));
        }
        return new Range(region, first, n, at(region, first), length);
    }

    private String address(boolean aligned) {
        Region region = region();
        String page = at(region, random.nextInt(region.usablePages()));
        return aligned ? page : page + "+" + random.nextInt((int) Uapi.PAGE_SIZE);
    }

    private String length() {
        return (1 + random.nextInt(MAX_RANGE_PAGES)) + "*PAGE";
    }

    private static String at(Region region, int page) {
        return page == 0 ? region.name() : region.name() + "+" + page + "*PAGE";
    }

    /**
     * Notes that the worker may have unmapped {@code range}. The kernel places {@code mmap(NULL, ...)}
     * far above {@code r}, but maybe in a hole another such mapping left, so unmapping any of them
     * may unmap part of any other.
     */
    private void markUnmapped(Range range) {
        if (!inWorker()) {
            return;
        }
        if (range.region() == regions.getFirst()) {
            range.region().maybeUnmapped().set(range.firstPage(), range.firstPage() + range.pages());
            return;
        }
        for (Region outside : regions.subList(1, regions.size())) {
            outside.maybeUnmapped().set(0, outside.usablePages());
        }
    }

    /** Takes {@code pages} of the budget for mappings outside {@code r}; false when not that much is left. */
    private boolean spendOutside(int pages) {
        if (pages > outsideBudget) {
            return false;
        }
        outsideBudget -= pages;
        return true;
    }

    private boolean inWorker() {
        return process.equals(WORKER);
    }

    // ---- choices ----

    private String newName(String prefix) {
        return prefix + ++names;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
