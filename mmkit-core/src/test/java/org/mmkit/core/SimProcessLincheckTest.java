package org.mmkit.core;

import static org.mmkit.core.Uapi.*;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of a process's public operations used from several Java threads at once
 * (Lincheck, stress mode): every concurrent history of mmap, munmap, load, store and fork over
 * four page slots must equal some sequential order of the same calls.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:3")
public class SimProcessLincheckTest {
    private static final long BASE = 0x10000000L;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(16).build());
    private final SimProcess process = kernel.newProcess(true);

    /** Lincheck creates one instance per scenario it runs. */
    public SimProcessLincheckTest() {
    }

    private static long address(int slot) {
        return BASE + slot * PAGE_SIZE;
    }

    @Operation
    public String map(@Param(name = "slot") int slot) {
        return outcome(() -> process.mmap(address(slot), PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    }

    @Operation
    public String unmap(@Param(name = "slot") int slot) {
        return outcome(() -> {
            process.munmap(address(slot), PAGE_SIZE);
            return 0L;
        });
    }

    @Operation
    public String store(@Param(name = "slot") int slot, long value) {
        return outcome(() -> {
            process.newThread().storeLong(address(slot), value);
            return 0L;
        });
    }

    @Operation
    public String load(@Param(name = "slot") int slot) {
        return outcome(() -> process.loadLong(address(slot)));
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
        new StressOptions().iterations(8).invocationsPerIteration(60).threads(2).actorsPerThread(3)
                .check(SimProcessLincheckTest.class);
    }
}
