package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Syscalls.anon;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.abi.Scalars;

/**
 * Several threads of one process write and read one pipe at once, each through a buffer of its
 * own in simulated memory, so that writers sleep on a full pipe and readers on an empty one. Every
 * byte is checked: each record a writer wrote is read exactly once, by some reader, and each
 * reader sees any one writer's records in the order they were written. A deadlock fails the test
 * after a timeout. The seed is in the test's name and in every failure message.
 */
class PipeThreadsRandomizedTest {
    /** A record: writer, sequence number, and a check word derived from both. Divides a page. */
    private static final int RECORD = 16;
    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int RECORDS_PER_WRITER = 3000;
    /** The most records in one write: more than a page, so one write may sleep part way. */
    private static final int MAX_RECORDS_PER_WRITE = 600;
    private static final long BUFFER_PAGES = 3;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261207})
    void everyRecordWrittenIsReadOnceAndInOrder(long seed) throws Exception {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            long fdPair = anon(p, 1);
            p.pipe2(fdPair, 0);
            byte[] fds = new byte[8];
            p.load(fdPair, fds);
            int readEnd = (int) Scalars.INT.read(fds, 0);
            int writeEnd = (int) Scalars.INT.read(fds, 4);

            List<CompletableFuture<List<long[]>>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                Random random = new Random(seed * 31 + r);
                SimThread thread = p.newThread();
                long buffer = anon(p, BUFFER_PAGES);
                readers.add(start(() -> read(p, thread, readEnd, buffer, random)));
            }
            List<CompletableFuture<List<long[]>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(seed * 17 + w);
                SimThread thread = p.newThread();
                long buffer = anon(p, BUFFER_PAGES);
                int writer = w;
                writers.add(start(() -> write(p, thread, writeEnd, buffer, writer, random)));
            }
            for (var writer : writers) {
                done(writer, seed, "a writer");
            }
            p.close(writeEnd); // the readers see EOF once the pipe is empty
            long[][] seen = new long[WRITERS][RECORDS_PER_WRITER];
            for (var reader : readers) {
                long[] last = new long[WRITERS];
                Arrays.fill(last, -1);
                for (long[] record : done(reader, seed, "a reader")) {
                    int writer = (int) record[0];
                    long sequence = record[1];
                    assertThat(sequence).as("seed %d: writer %d's records in order for one reader", seed, writer)
                            .isGreaterThan(last[writer]);
                    last[writer] = sequence;
                    seen[writer][(int) sequence]++;
                }
            }
            for (int w = 0; w < WRITERS; w++) {
                for (int s = 0; s < RECORDS_PER_WRITER; s++) {
                    assertThat(seen[w][s]).as("seed %d: record %d of writer %d read once", seed, s, w).isEqualTo(1);
                }
            }
            kernel.checkInvariants();
        }
    }

    private static <T> CompletableFuture<T> start(Supplier<T> body) {
        return CompletableFuture.supplyAsync(body, r -> Thread.ofPlatform().daemon().start(r));
    }

    private static <T> T done(CompletableFuture<T> thread, long seed, String who) throws Exception {
        try {
            return thread.get(BlockingSyscallTest.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("seed " + seed + ": " + who + " did not finish: a deadlock", e);
        }
    }

    /** Writes the writer's records in writes of random size; returns nothing to check. */
    private static List<long[]> write(SimProcess p, SimThread thread, int fd, long buffer, int writer, Random random) {
        int next = 0;
        while (next < RECORDS_PER_WRITER) {
            int count = Math.min(1 + random.nextInt(MAX_RECORDS_PER_WRITE), RECORDS_PER_WRITER - next);
            ByteBuffer bytes = ByteBuffer.allocate(count * RECORD).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                long sequence = next + i;
                bytes.putInt(writer).putLong(sequence).putInt(check(writer, sequence));
            }
            thread.store(buffer, bytes.array());
            long written = thread.call(() -> p.write(fd, buffer, bytes.capacity()));
            assertThat(written).as("a blocking write writes all").isEqualTo(bytes.capacity());
            next += count;
        }
        return List.of();
    }

    /** Reads whole records in reads of random size until EOF; returns (writer, sequence) of each. */
    private static List<long[]> read(SimProcess p, SimThread thread, int fd, long buffer, Random random) {
        List<long[]> records = new ArrayList<>();
        while (true) {
            int want = (1 + random.nextInt((int) (BUFFER_PAGES * PAGE_SIZE / RECORD))) * RECORD;
            long got = thread.call(() -> p.read(fd, buffer, want));
            if (got == 0) {
                return records;
            }
            assertThat(got % RECORD).as("reads of whole records return whole records").isZero();
            byte[] data = new byte[(int) got];
            thread.load(buffer, data);
            ByteBuffer bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining()) {
                int writer = bytes.getInt();
                long sequence = bytes.getLong();
                assertThat(bytes.getInt()).as("record %d of writer %d intact", sequence, writer)
                        .isEqualTo(check(writer, sequence));
                records.add(new long[] {writer, sequence});
            }
        }
    }

    private static int check(int writer, long sequence) {
        return (int) (sequence * 0x9E3779B97F4A7C15L >>> 32) ^ writer * 0x5bd1e995;
    }
}
