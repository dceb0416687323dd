package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random write, read, lseek, ftruncate, hole punches and stores through a shared mapping of one
 * memfd, checked against a byte array that holds what the file must contain: the page cache,
 * the file position and the mappings agree whichever way the bytes came in. The seed is in the
 * test name and in every failure message.
 */
class FileIoRandomizedTest {
    private static final int OPS = 300;
    private static final int FILE_PAGES = 8;
    private static final int MAX = (int) (FILE_PAGES * PAGE_SIZE);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void fileBytesAgreeWithAReference(long seed) {
        Random random = new Random(seed);
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(4096).build())) {
            SimProcess p = kernel.newProcess(true);
            int fd = UserStrings.memfd(p, "random", 0);
            long buf = p.mmap(0, MAX, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            long map = p.mmap(0, MAX, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            byte[] file = new byte[MAX];
            int size = 0;
            long pos = 0;
            List<String> log = new ArrayList<>();
            for (int op = 0; op < OPS; op++) {
                String what = "seed " + seed + " op " + op + " after " + log.subList(Math.max(0, log.size() - 5), log.size());
                int at = random.nextInt(MAX);
                int len = 1 + random.nextInt(MAX - at);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        byte[] data = new byte[len];
                        random.nextBytes(data);
                        p.store(buf, data);
                        p.lseek(fd, at, SEEK_SET);
                        assertThat(p.write(fd, buf, len)).as(what).isEqualTo(len);
                        System.arraycopy(data, 0, file, at, len);
                        size = Math.max(size, at + len);
                        pos = at + len;
                        log.add("write " + at + "+" + len);
                    }
                    case 1 -> {
                        long got = p.read(fd, buf, len);
                        long want = Math.max(0, Math.min(len, size - pos));
                        assertThat(got).as(what).isEqualTo(want);
                        byte[] data = new byte[(int) Math.max(got, 1)];
                        p.load(buf, data);
                        if (got > 0) {
                            assertThat(data).as(what).isEqualTo(Arrays.copyOfRange(file, (int) pos, (int) (pos + got)));
                        }
                        pos += got;
                        log.add("read " + len + " at " + (pos - got));
                    }
                    case 2 -> {
                        pos = p.lseek(fd, at, SEEK_SET);
                        log.add("lseek " + at);
                    }
                    case 3 -> {
                        p.ftruncate(fd, at);
                        Arrays.fill(file, Math.min(at, size), MAX, (byte) 0);
                        size = at;
                        log.add("ftruncate " + at);
                    }
                    case 4 -> {
                        if (size > 0) {
                            int start = random.nextInt(size);
                            int n = 1 + random.nextInt(size - start);
                            byte[] data = new byte[n];
                            random.nextBytes(data);
                            p.store(map + start, data);
                            System.arraycopy(data, 0, file, start, n);
                            log.add("store map+" + start + "+" + n);
                        }
                    }
                    default -> {
                        p.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, at, len);
                        Arrays.fill(file, at, Math.min(at + len, MAX), (byte) 0);
                        log.add("punch " + at + "+" + len);
                    }
                }
                assertThat(p.lseek(fd, 0, SEEK_CUR)).as(what).isEqualTo(pos);
                kernel.checkInvariants();
            }
            if (size > 0) {
                byte[] mapped = new byte[size];
                p.load(map, mapped);
                assertThat(mapped).as("seed " + seed + ": the mapping at the end").isEqualTo(Arrays.copyOf(file, size));
            }
        }
    }
}
