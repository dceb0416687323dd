package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of mmap, munmap, mprotect, mremap, madvise, fork, exit, store, load, pread and
 * pwrite over private and shared anonymous memory, memfds and tmpfs files opened by path, on
 * several processes. File I/O moves bytes between mapped buffers and files whose pages are mapped
 * too. Every byte read is checked against a shadow model, and the machine's page accounting
 * after every step.
 */
class DataIntegrityRandomizedTest {
    private static final int OPS = 400;

    /** What one virtual page of a process shows. */
    private sealed interface Page permits Private, FileView {}

    /** Private memory with its own bytes (anonymous, or a COW copy of a file page). */
    private record Private(byte[] bytes) implements Page {}

    /** A page of a file: shared mappings always, private ones until the first write. */
    private record FileView(byte[][] file, int index, boolean shared) implements Page {}

    /**
     * One process as the test expects it: page contents, protections, and for private file
     * mappings the file page each address reverts to on MADV_DONTNEED.
     */
    private record Shadow(SimProcess process, TreeMap<Long, Page> pages, Map<Long, Integer> prots,
            Map<Long, FileView> origins, Map<Integer, byte[][]> files) {
        Shadow(SimProcess process) {
            this(process, new TreeMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /** The child's view; it inherits the descriptors too, but only their opener does I/O on them. */
        Shadow copy(SimProcess child) {
            TreeMap<Long, Page> copy = new TreeMap<>();
            pages.forEach((va, page) -> copy.put(va, page instanceof Private p ? new Private(p.bytes.clone()) : page));
            return new Shadow(child, copy, new HashMap<>(prots), new HashMap<>(origins), new HashMap<>());
        }

        void forget(long page) {
            pages.remove(page);
            prots.remove(page);
            origins.remove(page);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void everyByteSurvives(long seed) {
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(4096).build())) {
            List<Shadow> shadows = new ArrayList<>();
            shadows.add(new Shadow(kernel.newProcess(true)));
            List<String> log = new ArrayList<>();
            for (int op = 0; op < OPS; op++) {
                Shadow s = shadows.get(random.nextInt(shadows.size()));
                String step = step(random, s, shadows);
                log.add(step);
                try {
                    kernel.checkInvariants();
                } catch (IllegalStateException e) {
                    fail("seed " + seed + " after " + log.subList(Math.max(0, log.size() - 8), log.size()) + ": " + e.getMessage());
                }
            }
        }
    }

    private static String step(Random random, Shadow s, List<Shadow> shadows) {
        SimProcess p = s.process();
        int choice = random.nextInt(100);
        if (choice < 12 || s.pages().isEmpty()) {
            return mapSomething(random, s);
        }
        long va = randomMapped(random, s);
        long len = (1 + random.nextInt(4)) * PAGE_SIZE;
        if (choice < 20) {
            p.munmap(va, len);
            forEachPage(va, len, s::forget);
            return "munmap " + Long.toHexString(va);
        }
        if (choice < 30) {
            if (!fullyMapped(s, va, len)) {
                return "skip";
            }
            int prot = new int[] {PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE}[random.nextInt(3)];
            p.mprotect(va, len, prot);
            forEachPage(va, len, page -> s.prots().put(page, prot));
            return "mprotect " + Long.toHexString(va) + " " + prot;
        }
        if (choice < 38) {
            if (!fullyMapped(s, va, len)) {
                return "skip";
            }
            p.madvise(va, len, MADV_DONTNEED);
            forEachPage(va, len, page -> s.pages().compute(page, (k, old) -> switch (old) {
                case Private ignored when s.origins().containsKey(k) -> s.origins().get(k);
                case Private ignored -> new Private(new byte[(int) PAGE_SIZE]);
                default -> old;
            }));
            return "dontneed " + Long.toHexString(va);
        }
        if (choice < 45) {
            return remap(random, s, va, len);
        }
        if (choice < 50 && shadows.size() < 4) {
            shadows.add(s.copy(p.fork()));
            return "fork";
        }
        if (choice < 53 && shadows.size() > 1) {
            p.exit();
            shadows.remove(s);
            return "exit";
        }
        if (choice < 61 && !s.files().isEmpty()) {
            return fileIo(random, s, va);
        }
        if (choice < 80) {
            return store(random, s, va);
        }
        return load(random, s, va);
    }

    private static String mapSomething(Random random, Shadow s) {
        SimProcess p = s.process();
        int pages = 1 + random.nextInt(6);
        long len = pages * PAGE_SIZE;
        int kind = random.nextInt(4);
        int prot = PROT_READ | PROT_WRITE;
        if (kind == 0 || kind == 1) {
            boolean shared = kind == 1;
            long a = p.mmap(0, len, prot, (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS, -1, 0);
            byte[][] file = new byte[pages][(int) PAGE_SIZE];
            for (int i = 0; i < pages; i++) {
                s.pages().put(a + i * PAGE_SIZE, shared ? new FileView(file, i, true) : new Private(new byte[(int) PAGE_SIZE]));
                s.prots().put(a + i * PAGE_SIZE, prot);
            }
            return (shared ? "shared" : "private") + " anon " + Long.toHexString(a);
        }
        int fd = random.nextBoolean() ? UserStrings.memfd(p, "f", 0) : openByPath(random, p);
        p.ftruncate(fd, len);
        byte[][] file = new byte[pages][(int) PAGE_SIZE];
        boolean shared = kind == 2;
        long a = p.mmap(0, len, prot, shared ? MAP_SHARED : MAP_PRIVATE, fd, 0);
        if (random.nextBoolean()) {
            long b = p.mmap(0, len, prot, MAP_SHARED, fd, 0);
            for (int i = 0; i < pages; i++) {
                s.pages().put(b + i * PAGE_SIZE, new FileView(file, i, true));
                s.prots().put(b + i * PAGE_SIZE, prot);
            }
        }
        if (random.nextBoolean()) {
            s.files().put(fd, file);
        } else {
            p.close(fd);
        }
        for (int i = 0; i < pages; i++) {
            FileView view = new FileView(file, i, shared);
            s.pages().put(a + i * PAGE_SIZE, view);
            s.prots().put(a + i * PAGE_SIZE, prot);
            if (!shared) {
                s.origins().put(a + i * PAGE_SIZE, view);
            }
        }
        return "memfd " + (shared ? "shared " : "private ") + Long.toHexString(a);
    }

    /**
     * A new tmpfs file of the working directory, its name read from a page mapped for the call;
     * sometimes unlinked at once, which leaves it to its descriptor and mappings.
     */
    private static int openByPath(Random random, SimProcess p) {
        long name = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p.store(name, ("f" + Long.toHexString(random.nextLong()) + "\0").getBytes(StandardCharsets.US_ASCII));
        int fd = p.openat(AT_FDCWD, name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (random.nextBoolean()) {
            p.unlinkat(AT_FDCWD, name, 0);
        }
        p.munmap(name, PAGE_SIZE);
        return fd;
    }

    /**
     * pwrite from, or pread into, the page at {@code va}, at a random place of a file the process
     * holds open. The page must not map that same file (an overlapping copy is not what this test
     * checks); a buffer the access mode forbids gives EFAULT and moves nothing.
     */
    private static String fileIo(Random random, Shadow s, long va) {
        List<Integer> fds = new ArrayList<>(s.files().keySet());
        int fd = fds.get(random.nextInt(fds.size()));
        byte[][] file = s.files().get(fd);
        Page page = s.pages().get(va);
        if (page instanceof FileView f && f.file == file) {
            return "skip";
        }
        int offset = random.nextInt((int) PAGE_SIZE);
        int n = 1 + random.nextInt((int) PAGE_SIZE - offset);
        long pos = random.nextInt(file.length) * PAGE_SIZE + random.nextInt((int) PAGE_SIZE - n + 1);
        int prot = s.prots().get(va);
        if (random.nextBoolean()) {
            boolean readable = prot != PROT_NONE;
            try {
                assertThat(s.process().pwrite(fd, va + offset, n, pos)).isEqualTo(n);
                assertThat(readable).as("pwrite from %x succeeded", va).isTrue();
            } catch (ErrnoException e) {
                assertThat(readable).as("pwrite from %x failed", va).isFalse();
                assertThat(e.errno()).isEqualTo(Errno.EFAULT);
                return "pwrite fault";
            }
            byte[] source = switch (page) {
                case Private p -> p.bytes;
                case FileView f -> f.file[f.index];
            };
            copyIntoFile(file, pos, source, offset, n);
            return "pwrite " + fd + " from " + Long.toHexString(va + offset);
        }
        boolean writable = (prot & PROT_WRITE) != 0;
        try {
            assertThat(s.process().pread(fd, va + offset, n, pos)).isEqualTo(n);
            assertThat(writable).as("pread into %x succeeded", va).isTrue();
        } catch (ErrnoException e) {
            assertThat(writable).as("pread into %x failed", va).isFalse();
            assertThat(e.errno()).isEqualTo(Errno.EFAULT);
            return "pread fault";
        }
        byte[] target = switch (page) {
            case Private p -> p.bytes;
            case FileView f when f.shared -> f.file[f.index];
            case FileView f -> {
                Private copy = new Private(f.file[f.index].clone());
                s.pages().put(va, copy);
                yield copy.bytes;
            }
        };
        for (int i = 0; i < n; i++) {
            long at = pos + i;
            target[offset + i] = file[(int) (at / PAGE_SIZE)][(int) (at % PAGE_SIZE)];
        }
        return "pread " + fd + " into " + Long.toHexString(va + offset);
    }

    private static void copyIntoFile(byte[][] file, long pos, byte[] source, int offset, int n) {
        byte[] bytes = Arrays.copyOfRange(source, offset, offset + n);
        for (int i = 0; i < n; i++) {
            long at = pos + i;
            file[(int) (at / PAGE_SIZE)][(int) (at % PAGE_SIZE)] = bytes[i];
        }
    }

    private static String remap(Random random, Shadow s, long va, long wanted) {
        if (!fullyMapped(s, va, wanted) || s.origins().keySet().stream().anyMatch(k -> k >= va && k < va + wanted)) {
            return "skip";
        }
        long len = Math.min(wanted, vmaEnd(s.process(), va) - va); // a resize cannot span VMAs
        long newLen = (1 + random.nextInt(4)) * PAGE_SIZE;
        long target = s.process().mremap(va, len, newLen, MREMAP_MAYMOVE, 0);
        TreeMap<Long, Page> moved = new TreeMap<>();
        Map<Long, Integer> movedProts = new HashMap<>();
        for (long off = 0; off < Math.min(len, newLen); off += PAGE_SIZE) {
            moved.put(target + off, s.pages().get(va + off));
            movedProts.put(target + off, s.prots().get(va + off));
        }
        forEachPage(va, len, s::forget);
        s.pages().putAll(moved);
        s.prots().putAll(movedProts);
        return "mremap " + Long.toHexString(va) + " -> " + Long.toHexString(target);
    }

    private static String store(Random random, Shadow s, long va) {
        byte value = (byte) random.nextInt(256);
        int offset = random.nextInt((int) PAGE_SIZE - 8);
        byte[] data = new byte[8];
        Arrays.fill(data, value);
        boolean writable = (s.prots().get(va) & PROT_WRITE) != 0;
        try {
            s.process().store(va + offset, data);
            assertThat(writable).as("store to %x succeeded", va).isTrue();
        } catch (MemoryFault f) {
            assertThat(writable).as("store to %x faulted", va).isFalse();
            assertThat(f.signal()).isEqualTo(Signal.SIGSEGV);
            assertThat(f.code()).isEqualTo(Signal.SEGV_ACCERR);
            return "store fault";
        }
        Page page = s.pages().get(va);
        byte[] bytes = switch (page) {
            case Private p -> p.bytes;
            case FileView f when f.shared -> f.file[f.index];
            case FileView f -> {
                Private copy = new Private(f.file[f.index].clone());
                s.pages().put(va, copy);
                yield copy.bytes;
            }
        };
        Arrays.fill(bytes, offset, offset + 8, value);
        return "store " + Long.toHexString(va + offset);
    }

    private static String load(Random random, Shadow s, long va) {
        byte[] got = new byte[(int) PAGE_SIZE];
        boolean readable = s.prots().get(va) != PROT_NONE;
        try {
            s.process().load(va, got);
            assertThat(readable).as("load from %x succeeded", va).isTrue();
        } catch (MemoryFault f) {
            assertThat(readable).as("load from %x faulted", va).isFalse();
            return "load fault";
        }
        byte[] expected = switch (s.pages().get(va)) {
            case Private p -> p.bytes;
            case FileView f -> f.file[f.index];
        };
        assertThat(got).as("contents of %x", va).isEqualTo(expected);
        return "load " + Long.toHexString(va);
    }

    /** The end of the VMA holding {@code va}, from /proc/PID/maps. */
    private static long vmaEnd(SimProcess p, long va) {
        for (String line : p.maps().lines().toList()) {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            if (start <= va && va < end) {
                return end;
            }
        }
        throw new AssertionError("no VMA at " + Long.toHexString(va));
    }

    private static long randomMapped(Random random, Shadow s) {
        List<Long> keys = new ArrayList<>(s.pages().keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private static boolean fullyMapped(Shadow s, long va, long len) {
        for (long page = va; page < va + len; page += PAGE_SIZE) {
            if (!s.pages().containsKey(page)) {
                return false;
            }
        }
        return true;
    }

    private static void forEachPage(long va, long len, java.util.function.LongConsumer action) {
        for (long page = va; page < va + len; page += PAGE_SIZE) {
            action.accept(page);
        }
    }
}
