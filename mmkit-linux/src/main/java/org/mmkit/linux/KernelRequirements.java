package org.mmkit.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.core.Errno;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * Tells which scenario requirements this machine meets. Files under /proc and /sys are read on
 * every question (a harness may add swap or huge pages meanwhile); the facts only a running
 * process can show, userfaultfd, soft-dirty, the shared zero page and anonymous VMA names, are probed once in a short-lived executor.
 */
final class KernelRequirements {
    private static final int USERFAULTFD = 323;
    private static final long O_NONBLOCK = 04000;
    private static final long O_CLOEXEC = 02000000;
    /** userfaultfd flag letting a process without CAP_SYS_PTRACE handle its own user-mode faults. */
    private static final long UFFD_USER_MODE_ONLY = 1;
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** Starts a probe process: privileged or not. */
    private final Function<Boolean, ExecutorProcess> probes;
    private final Map<Requirement.Kind, Optional<String>> probed = new ConcurrentHashMap<>();

    KernelRequirements(Function<Boolean, ExecutorProcess> probes) {
        this.probes = probes;
    }

    String unsupported(Requirement requirement) {
        return switch (requirement.kind()) {
            case ROOT -> root() ? null : "needs root; the effective uid is " + effectiveUid();
            case KERNEL -> olderKernel(requirement.argument());
            case SWAP -> swap();
            case HUGETLB -> hugetlb();
            case THP -> transparentHugepages();
            case UFFD, UFFD_EVENTS -> probed(Requirement.Kind.UFFD, this::probeUserfaultfd);
            case SOFT_DIRTY -> probed(Requirement.Kind.SOFT_DIRTY, this::probeSoftDirty);
            case NO_SOFT_DIRTY -> probed(Requirement.Kind.SOFT_DIRTY, this::probeSoftDirty) == null
                    ? "needs a kernel without soft-dirty tracking; pagemap bit 55 follows writes here" : null;
            case ZERO_PAGE -> probed(Requirement.Kind.ZERO_PAGE, this::probeZeroPage);
            case NO_ZERO_PAGE -> probed(Requirement.Kind.ZERO_PAGE, this::probeZeroPage) == null
                    ? "needs a kernel without the shared zero page; a read fault on anonymous memory maps it here" : null;
            case ANON_VMA_NAME -> probed(Requirement.Kind.ANON_VMA_NAME, this::probeAnonVmaName);
            case NO_ANON_VMA_NAME -> probed(Requirement.Kind.ANON_VMA_NAME, this::probeAnonVmaName) == null
                    ? "needs a kernel without anonymous VMA names; PR_SET_VMA_ANON_NAME works here" : null;
            case MEMCG -> MemoryGroup.unavailable();
            case OOM -> "running out of memory would wake the machine's OOM killer, which may kill any process";
        };
    }

    static boolean root() {
        return effectiveUid() == 0;
    }

    /** The second field of {@code Uid:} in /proc/self/status (real, effective, saved, fs). */
    static long effectiveUid() {
        for (String line : lines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IllegalStateException("/proc/self/status has no Uid: line");
    }

    /** null when the running kernel's release ({@code uname -r}) is at least {@code minimum}. */
    static String olderKernel(String minimum) {
        String release = read(Path.of("/proc/sys/kernel/osrelease")).strip();
        return compareVersions(release, minimum) >= 0 ? null : "needs kernel " + minimum + " or newer; this is " + release;
    }

    /** Compares the leading major.minor.patch of two versions; missing parts count as 0. */
    static int compareVersions(String release, String minimum) {
        long[] have = version(release);
        long[] need = version(minimum);
        for (int i = 0; i < 3; i++) {
            if (have[i] != need[i]) {
                return Long.compare(have[i], need[i]);
            }
        }
        return 0;
    }

    private static long[] version(String text) {
        Matcher matcher = VERSION.matcher(text == null ? "" : text.strip());
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("not a kernel version: \"" + text + "\" (expected e.g. 6.15)");
        }
        long[] parts = new long[3];
        for (int i = 0; i < 3; i++) {
            String part = matcher.group(i + 1);
            parts[i] = part == null ? 0 : Long.parseLong(part);
        }
        return parts;
    }

    /** /proc/swaps lists one active swap area per line after its header. */
    static String swap() {
        return lines(Path.of("/proc/swaps")).stream().skip(1).anyMatch(line -> !line.isBlank())
                ? null : "needs swap; /proc/swaps lists no active swap area";
    }

    static String hugetlb() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("HugePages_Free:")) {
                long free = Long.parseLong(line.substring("HugePages_Free:".length()).trim());
                return free > 0 ? null : "needs free hugetlb pages; HugePages_Free is 0 (set vm.nr_hugepages)";
            }
        }
        return "needs hugetlb; /proc/meminfo has no HugePages_Free";
    }

    /** The mode in brackets, e.g. {@code always [madvise] never}. */
    private static String transparentHugepages() {
        Path enabled = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (!Files.exists(enabled)) {
            return "needs THP; the kernel has no " + enabled;
        }
        String modes = read(enabled);
        return modes.contains("[never]") ? "needs THP; " + enabled + " is [never]" : null;
    }

    private String probed(Requirement.Kind kind, Supplier<String> probe) {
        return probed.computeIfAbsent(kind, k -> Optional.ofNullable(probe.get())).orElse(null);
    }

    /** Whether a scenario process can create a userfaultfd: as root, or user-mode-only without. */
    private String probeUserfaultfd() {
        boolean root = root();
        ExecutorProcess probe = probes.apply(root);
        try {
            long flags = O_CLOEXEC | O_NONBLOCK | (root ? 0 : UFFD_USER_MODE_ONLY);
            long fd = probe.syscall("userfaultfd", USERFAULTFD, flags);
            if (fd < 0) {
                return "needs userfaultfd; userfaultfd(" + ExecutorProcess.hex(flags) + ") failed with " + errnoName(-fd);
            }
            probe.syscall("close", Syscall.CLOSE.number(), fd);
            return null;
        } finally {
            probe.exit();
        }
    }

    /**
     * A page written in a new mapping is soft-dirty (pagemap bit 55) when the kernel has
     * CONFIG_MEM_SOFT_DIRTY; without it the bit is always clear, though clear_refs accepts "4".
     */
    private String probeSoftDirty() {
        return probePagemapEntry("soft-dirty", true, bits -> (bits & PagemapEntryLayout.SOFT_DIRTY) != 0 ? null
                : "needs soft-dirty; pagemap bit 55 stays clear after a write (no CONFIG_MEM_SOFT_DIRTY)");
    }

    /**
     * A read of a new anonymous page maps the shared zero page, which no process maps exclusively
     * (pagemap bit 56 clear), unless the kernel forbids the zero page ({@code mm_forbids_zeropage},
     * e.g. a host booted with {@code pvm_no_zero_page=1}): then the read gets a private page.
     */
    private String probeZeroPage() {
        return probePagemapEntry("the zero page", false, bits -> (bits & PagemapEntryLayout.MMAP_EXCLUSIVE) == 0 ? null
                : "needs the shared zero page; a read fault on anonymous memory maps a private page here");
    }

    /**
     * Clearing the name of a new anonymous mapping ({@code prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME,
     * addr, len, NULL)}) succeeds with CONFIG_ANON_VMA_NAME and is EINVAL without.
     */
    private String probeAnonVmaName() {
        ExecutorProcess probe = probes.apply(false);
        try {
            long page = probe.syscall("mmap", Syscall.MMAP.number(), 0, Uapi.PAGE_SIZE, Uapi.PROT_READ | Uapi.PROT_WRITE,
                    Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
            if (page < 0 && page >= -4095) {
                return "cannot probe anonymous VMA names: mmap failed with " + errnoName(-page);
            }
            long named = probe.syscall("prctl", Syscall.PRCTL.number(), Uapi.PR_SET_VMA, Uapi.PR_SET_VMA_ANON_NAME,
                    page, Uapi.PAGE_SIZE, 0);
            return named == 0 ? null : "needs anonymous VMA names; PR_SET_VMA_ANON_NAME failed with " + errnoName(-named)
                    + " (no CONFIG_ANON_VMA_NAME)";
        } finally {
            probe.exit();
        }
    }

    /**
     * Touches the first page of a new private anonymous mapping in an unprivileged probe process
     * (a store or a load) and judges its pagemap entry.
     */
    private String probePagemapEntry(String what, boolean store, LongFunction<String> judge) {
        ExecutorProcess probe = probes.apply(false);
        try {
            long page = probe.syscall("mmap", Syscall.MMAP.number(), 0, Uapi.PAGE_SIZE, Uapi.PROT_READ | Uapi.PROT_WRITE,
                    Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
            if (page < 0 && page >= -4095) {
                return "cannot probe " + what + ": mmap failed with " + errnoName(-page);
            }
            boolean touched = store ? probe.store(page, new byte[] {1}).ok() : probe.load(page, 1).ok();
            if (!touched) {
                return "cannot probe " + what + ": the access to a new page faulted";
            }
            Result<byte[]> entry = probe.pagemapRead(page / Uapi.PAGE_SIZE * 8, 8);
            if (!entry.ok() || entry.value().length != 8) {
                return "cannot probe " + what + ": pagemap read failed with " + errnoName(entry.errno());
            }
            return judge.apply(ByteBuffer.wrap(entry.value()).order(ByteOrder.LITTLE_ENDIAN).getLong());
        } finally {
            probe.exit();
        }
    }

    static String errnoName(long errno) {
        try {
            return Errno.of((int) errno).name();
        } catch (IllegalArgumentException unknown) {
            return "errno " + errno;
        }
    }

    private static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
