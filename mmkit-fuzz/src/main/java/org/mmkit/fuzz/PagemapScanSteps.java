package org.mmkit.fuzz;

import java.util.Random;
import java.util.function.Consumer;

/**
 * The PAGEMAP_SCAN part of generated scenarios: a descriptor of {@code /proc/self/pagemap} and a
 * userfaultfd with {@code UFFD_FEATURE_WP_ASYNC} of the worker, made on first use; registrations
 * for write protection of random ranges of {@code r}, UFFDIO_WRITEPROTECT and UNREGISTER on them,
 * and scans of random ranges of {@code r} with random flags, masks, vector lengths and
 * {@code max_pages}, valid and not.
 *
 * <p>Nothing here can make a thread wait: the context asks only for asynchronous write
 * protection, whose faults the kernel resolves itself, and registers in write-protect mode only
 * (a MISSING registration would make the worker's own accesses wait, as every step touches
 * these pages).
 * Registrations stay out of the top pages of {@code r}, which belong to {@link UserfaultfdSteps};
 * scans cover all of it, its contexts' ranges included.
 */
final class PagemapScanSteps {
    /** The pagemap descriptor's name, and its number. */
    private static final String PAGEMAP = "pm";
    private static final int PAGEMAP_FD = 99;
    /** The pagemap descriptor as opened, before it moves. */
    private static final String OPENED = "pm0";
    /** The WP_ASYNC context's name. */
    private static final String UFFD = "wa";
    private static final String[] FLAGS = {
        "0", "0", "PM_SCAN_WP_MATCHING", "PM_SCAN_CHECK_WPASYNC", "PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC", "4",
    };
    /** The categories a scan can report here (no huge pages, no soft-dirty on the reference kernel). */
    private static final String[] CATEGORIES = {
        "PAGE_IS_WPALLOWED", "PAGE_IS_WRITTEN", "PAGE_IS_FILE", "PAGE_IS_PRESENT", "PAGE_IS_SWAPPED", "PAGE_IS_GUARD",
    };
    private static final int MAX_SCAN_PAGES = 24;

    private final Random random;
    private final String worker;
    private final Consumer<String> lines;
    private final String reservation;
    /** The pages of {@code r} a scan covers, and those registrations may use (the first of them). */
    private final int scanPages;
    private final int registerPages;
    private boolean made;

    /**
     * @param reservation   the name of {@code r}
     * @param scanPages     the pages of {@code r}
     * @param registerPages how many pages from the start of {@code r} no other context uses
     * @param worker        the process whose descriptors these are
     */
    PagemapScanSteps(Random random, String reservation, int scanPages, int registerPages, String worker,
            Consumer<String> lines) {
        this.random = random;
        this.reservation = reservation;
        this.scanPages = scanPages;
        this.registerPages = registerPages;
        this.worker = worker;
        this.lines = lines;
    }

    /**
     * One step of the worker, as the text after {@code in WORKER: }; the setup lines are added
     * before the first one.
     */
    String step() {
        if (!made) {
            made = true;
            // the descriptor moves to 99, away from the descriptors the other steps reopen through
            // /proc/self/fd (3 to 12): those steps stay about the files they made
            lines.accept("in " + worker + ": " + OPENED + " = open(\"/proc/self/pagemap\", O_RDONLY, 0)");
            lines.accept("in " + worker + ": " + PAGEMAP + " = dup2(" + OPENED + ", " + PAGEMAP_FD + ")");
            lines.accept("in " + worker + ": close(" + OPENED + ")");
            lines.accept("in " + worker + ": " + UFFD + " = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)");
            lines.accept("in " + worker + ": ioctl(" + UFFD + ", UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC"
                    + (random.nextBoolean() ? "|UFFD_FEATURE_WP_UNPOPULATED" : "") + "})");
        }
        int roll = random.nextInt(100);
        if (roll < 20) {
            return "ioctl(" + UFFD + ", UFFDIO_REGISTER, {range={start=" + registrable() + "}, mode="
                    + (random.nextInt(8) == 0 ? "0" : "UFFDIO_REGISTER_MODE_WP") + "})";
        } else if (roll < 30) {
            return "ioctl(" + UFFD + ", UFFDIO_WRITEPROTECT, {range={start=" + registrable() + "}, mode="
                    + pick("UFFDIO_WRITEPROTECT_MODE_WP", "UFFDIO_WRITEPROTECT_MODE_WP", "0") + "})";
        } else if (roll < 34) {
            return "ioctl(" + UFFD + ", UFFDIO_UNREGISTER, {start=" + registrable() + "})";
        }
        return scan();
    }

    /** {@code r+A*PAGE, len=N*PAGE}, inside the pages registrations may use. */
    private String registrable() {
        int first = random.nextInt(registerPages);
        int pages = 1 + random.nextInt(Math.min(MAX_SCAN_PAGES, registerPages - first));
        return at(first) + ", len=" + pages + "*PAGE";
    }

    /** A scan of a random range with random flags, masks and limits; now and then an invalid one. */
    private String scan() {
        int first = random.nextInt(scanPages);
        int pages = random.nextInt(Math.min(MAX_SCAN_PAGES, scanPages - first) + 1);
        String start = at(first);
        String end = at(first + pages);
        int odd = random.nextInt(20);
        if (odd == 0) {
            start += "+1";
        } else if (odd == 1) {
            end += "-" + (1 + random.nextInt(4095));
        } else if (odd == 2) {
            end = at(first) + "-PAGE";
        }
        StringBuilder arg = new StringBuilder("{flags=").append(pick(FLAGS)).append(", start=").append(start)
                .append(", end=").append(end);
        if (random.nextInt(4) != 0) {
            arg.append(", vec_len=").append(random.nextInt(9));
        }
        if (random.nextBoolean()) {
            arg.append(", max_pages=").append(random.nextInt(MAX_SCAN_PAGES));
        }
        if (random.nextBoolean()) {
            arg.append(", category_mask=").append(categories());
        }
        if (random.nextInt(3) == 0) {
            arg.append(", category_inverted=").append(categories());
        }
        if (random.nextInt(3) == 0) {
            arg.append(", category_anyof_mask=").append(categories());
        }
        arg.append(", return_mask=").append(random.nextInt(6) == 0 ? "0x1ff" : categories()).append('}');
        return "ioctl(" + PAGEMAP + ", PAGEMAP_SCAN, " + arg + ")";
    }

    /** One or two categories, now and then none or an unknown bit. */
    private String categories() {
        return switch (random.nextInt(12)) {
            case 0 -> "0";
            case 1 -> "0x200";
            case 2, 3, 4 -> pick(CATEGORIES) + "|" + pick(CATEGORIES);
            default -> pick(CATEGORIES);
        };
    }

    private String at(int page) {
        return reservation + "+" + page + "*PAGE";
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
