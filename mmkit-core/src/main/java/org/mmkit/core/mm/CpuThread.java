package org.mmkit.core.mm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;
import org.mmkit.core.SimThread;
import org.mmkit.core.pgtable.PteLayout;

/**
 * A thread's memory accesses as the MMU performs them: translation through the thread's software
 * TLB, else a page walk that sets the accessed and dirty bits as the hardware does, else the
 * fault path; faults the kernel answers with a signal become {@link MemoryFault}.
 */
final class CpuThread implements SimThread {
    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Task task;
    /** Guarded by the machine lock. */
    private final SoftTlb tlb = new SoftTlb();

    CpuThread(Task task) {
        this.task = task;
    }

    @Override
    public void load(long addr, byte[] dst) {
        task.run(() -> copy(addr, MemorySegment.ofArray(dst), false));
    }

    @Override
    public void store(long addr, byte[] src) {
        task.run(() -> copy(addr, MemorySegment.ofArray(src), true));
    }

    @Override
    public long loadLong(long addr) {
        byte[] bytes = new byte[8];
        load(addr, bytes);
        return MemorySegment.ofArray(bytes).get(LITTLE_ENDIAN_LONG, 0);
    }

    @Override
    public void storeLong(long addr, long value) {
        byte[] bytes = new byte[8];
        MemorySegment.ofArray(bytes).set(LITTLE_ENDIAN_LONG, 0, value);
        store(addr, bytes);
    }

    /** Copies between {@code buffer} and user memory at {@code addr}, page by page. */
    private void copy(long addr, MemorySegment buffer, boolean write) {
        long done = 0;
        long size = buffer.byteSize();
        while (done < size) {
            long va = addr + done;
            int offset = (int) (va & 0xfff);
            long chunk = Math.min(size - done, 4096 - offset);
            MemorySegment page = task.machine.memory.contents(translate(va, write));
            if (write) {
                MemorySegment.copy(buffer, done, page, offset, chunk);
            } else {
                MemorySegment.copy(page, offset, buffer, done, chunk);
            }
            done += chunk;
        }
    }

    /** The frame behind {@code va} for this access: TLB, then page walk, then the fault path. */
    private int translate(long va, boolean write) {
        Mm mm = task.mm;
        if (va < 0 || va >= task.machine.config.taskSize()) {
            throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_MAPERR, va);
        }
        long vpn = va >>> 12;
        int pfn = tlb.lookup(mm, vpn, write);
        if (pfn >= 0) {
            return pfn;
        }
        for (int attempt = 0; ; attempt++) {
            long pageVa = vpn << 12;
            long pte = mm.pte(pageVa);
            if (Fault.satisfies(pte, write)) {
                long updated = pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0);
                if (updated != pte) {
                    mm.pageTables.set(pageVa, updated);
                }
                pfn = (int) PteLayout.pfn(updated);
                tlb.fill(vpn, pfn, PteLayout.isWritable(updated) && PteLayout.isDirty(updated));
                return pfn;
            }
            if (attempt > 0) {
                throw new IllegalStateException("fault at 0x" + Long.toHexString(va) + " did not resolve");
            }
            switch (Fault.handle(mm, va, write)) {
                case DONE -> { }
                case NO_VMA, GUARD -> throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_MAPERR, va);
                case ACCESS -> throw new MemoryFault(Signal.SIGSEGV, Signal.SEGV_ACCERR, va);
                case SIGBUS -> throw new MemoryFault(Signal.SIGBUS, Signal.BUS_ADRERR, va);
                case OOM -> throw new MemoryFault(Signal.SIGKILL, 0, va);
            }
        }
    }
}
