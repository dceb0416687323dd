package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of the lock-free TLB hit path (Lincheck, stress mode): two long-lived threads
 * of one process, whose TLBs already hold both pages, load and store while other calls
 * mprotect, replace (mmap with MAP_FIXED over the page) and fork under them. Every concurrent
 * history must equal some sequential order of the same calls run by {@link WithoutTlb}, which
 * accesses memory through a fresh thread each time, so that no translation is ever cached: no
 * access goes through a translation a returned call removed, and no store is lost or lands in a
 * page it no longer maps.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:1")
@Param(name = "cpu", gen = IntGen.class, conf = "0:1")
@Param(name = "prot", gen = IntGen.class, conf = "0:2")
public class TlbFastPathLincheckTest {
    private static final long BASE = 0x10000000L;
    private static final long[] PROTECTIONS = {PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE};

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(32).build());
    final SimProcess process = kernel.newProcess(true);
    private final SimThread[] cpus = {process.newThread(), process.newThread()};

    /** The sequential specification: the same calls, each access on a new thread with an empty TLB. */
    public static final class WithoutTlb extends TlbFastPathLincheckTest {
        /** Lincheck creates one instance per sequential run. */
        public WithoutTlb() {
        }

        @Override
        SimThread cpu(int cpu) {
            return process.newThread();
        }
    }

    /** Lincheck creates one instance per scenario it runs; both pages start written and cached by both threads. */
    public TlbFastPathLincheckTest() {
        process.mmap(BASE, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        for (SimThread cpu : cpus) {
            for (int slot = 0; slot < 2; slot++) {
                cpu.storeLong(address(slot), slot + 1);
            }
        }
    }

    /** The thread an access runs on. */
    SimThread cpu(int cpu) {
        return cpus[cpu];
    }

    private static long address(int slot) {
        return BASE + slot * PAGE_SIZE;
    }

    @Operation
    public String store(@Param(name = "cpu") int cpu, @Param(name = "slot") int slot, long value) {
        return outcome(() -> {
            cpu(cpu).storeLong(address(slot), value);
            return 0L;
        });
    }

    @Operation
    public String load(@Param(name = "cpu") int cpu, @Param(name = "slot") int slot) {
        return outcome(() -> cpu(cpu).loadLong(address(slot)));
    }

    @Operation
    public String protect(@Param(name = "slot") int slot, @Param(name = "prot") int prot) {
        return outcome(() -> {
            process.mprotect(address(slot), PAGE_SIZE, PROTECTIONS[prot]);
            return 0L;
        });
    }

    @Operation
    public String remap(@Param(name = "slot") int slot) {
        // one call, so atomic: MAP_FIXED unmaps the old page and maps a fresh one
        return outcome(() -> process.mmap(address(slot), PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    }

    @Operation
    public String forkAndLoad(@Param(name = "slot") int slot) {
        return outcome(() -> {
            SimProcess child = process.fork();
            try {
                return child.loadLong(address(slot));
            } finally {
                child.exit();
            }
        });
    }

    private static String outcome(java.util.function.LongSupplier call) {
        try {
            return Long.toString(call.getAsLong());
        } catch (MemoryFault f) {
            return f.signal() + "/" + f.code();
        } catch (ErrnoException e) {
            return e.errno().name();
        }
    }

    @Test
    void isLinearizable() {
        new StressOptions().iterations(25).invocationsPerIteration(6).threads(2).actorsPerThread(4)
                .sequentialSpecification(WithoutTlb.class).check(TlbFastPathLincheckTest.class);
    }
}
