package org.mmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SimThread;
import org.mmkit.core.Uapi;

/**
 * The access paths that users put in their inner loop allocate nothing: TLB hits of every width,
 * within a page and across two, and TLB misses the lockless walk serves (two pages that share a
 * TLB slot, accessed in turn). Counted with the JVM's per-thread allocation counter, so that it
 * holds in the interpreter too, where no escape analysis removes an allocation.
 */
class AccessAllocationTest {
    @Test
    void hitsAndLocklessMissesAllocateNothing() {
        try (Kernel kernel = ModelSetup.kernel(false)) {
            SimProcess process = kernel.newProcess(true);
            SimThread thread = process.newThread();
            long slotAlias = 1024 * Uapi.PAGE_SIZE; // SoftTlb.MIN_ENTRIES pages apart: the same slot
            long a = ModelSetup.mapAnon(process, slotAlias + 2 * Uapi.PAGE_SIZE);
            long boundary = a + Uapi.PAGE_SIZE;
            long alias = a + slotAlias;
            thread.storeLong(a, 1);
            thread.storeLong(boundary - 4, 1);
            thread.storeLong(alias, 1);
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().threadId();
            long sum = 0;
            long allocated = 0;
            for (int round = 0; round < 2; round++) { // the first round loads and links classes
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 10_000; i++) {
                    thread.storeLong(boundary - 4, i);
                    sum += thread.loadLong(boundary - 4);
                    thread.storeInt(a + 8, i);
                    sum += thread.loadInt(a + 8) + thread.loadShort(a) + thread.loadByte(a);
                    thread.storeLong(alias, i); // evicts a: the next access of a misses
                }
                allocated = threads.getThreadAllocatedBytes(id) - before;
            }
            assertThat(sum).isNotZero();
            assertThat(allocated).as("bytes allocated by 70,000 accesses").isLessThan(1024);
        }
    }
}
