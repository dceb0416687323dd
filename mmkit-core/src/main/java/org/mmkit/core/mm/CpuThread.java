package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.function.LongToIntFunction;

import org.mmkit.core.SimThread;
import org.mmkit.core.pgtable.PteLayout;

/**
 * A thread's memory accesses as the MMU performs them: translation through the thread's software
 * TLB, else a page walk that sets the accessed and dirty bits as the hardware does, else the
 * fault path; faults the kernel answers with a signal become {@link org.mmkit.core.MemoryFault}.
 */
final class CpuThread implements SimThread {
    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Task task;
    /** Guarded by the machine lock. */
    private final SoftTlb tlb = new SoftTlb();
    /** Where this thread waits when a fault blocks; its sleeping flag is {@link #blocked}. */
    private final WaitQueue.Entry waiter;

    CpuThread(Task task) {
        this.task = task;
        this.waiter = new WaitQueue.Entry(task.machine);
    }

    @Override
    public boolean blocked() {
        return waiter.sleeping();
    }

    /** Wakes this thread if it sleeps in a fault (its process exits). Preconditions: the machine lock is held. */
    void interruptLocked() {
        waiter.interruptLocked();
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

    /** Copies between {@code buffer} and user memory at {@code addr}; a fault that fails throws its signal. */
    private void copy(long addr, MemorySegment buffer, boolean write) {
        copyPages(task.machine, addr, buffer, write, va -> translate(va, write));
    }

    /**
     * Copies between {@code buffer} and user memory at {@code addr} page by page, each page's
     * frame given by {@code frameOf} (a translation that may fault); stops where it returns -1.
     * Returns the bytes copied. Preconditions: the machine lock is held.
     */
    static long copyPages(Machine machine, long addr, MemorySegment buffer, boolean write, LongToIntFunction frameOf) {
        long done = 0;
        long size = buffer.byteSize();
        while (done < size) {
            long va = addr + done;
            int pfn = frameOf.applyAsInt(va);
            if (pfn < 0) {
                break;
            }
            int offset = (int) (va & ~PAGE_MASK);
            long chunk = Math.min(size - done, PAGE_SIZE - offset);
            MemorySegment page = machine.memory.contents(pfn);
            if (write) {
                MemorySegment.copy(buffer, done, page, offset, chunk);
            } else {
                MemorySegment.copy(page, offset, buffer, done, chunk);
            }
            done += chunk;
        }
        return done;
    }

    /**
     * The frame behind {@code va} for this access: TLB, then page walk, then the fault path with
     * {@code FAULT_FLAG_USER | FAULT_FLAG_ALLOW_RETRY}, which may sleep. A failed fault becomes
     * its signal; out of memory, the OOM killer's SIGKILL ends the process first.
     */
    private int translate(long va, boolean write) {
        Mm mm = task.mm;
        if (va < 0 || va >= task.machine.config.taskSize()) {
            throw VmFault.MAPERR.signal(va);
        }
        long vpn = va >>> PAGE_SHIFT;
        int pfn = tlb.lookup(mm, vpn, write);
        if (pfn >= 0) {
            return pfn;
        }
        pfn = walk(mm, va, write);
        if (pfn < 0) {
            VmFault outcome = Fault.resolve(mm, va, FaultFlags.userAccess(write), waiter);
            task.checkAliveLocked(); // it may have exited while this thread slept
            if (outcome == VmFault.OOM) {
                task.oomKillLocked();
            }
            if (outcome.isError()) {
                throw outcome.signal(va);
            }
            pfn = walk(mm, va, write);
        }
        long pte = mm.pte(va);
        tlb.fill(vpn, pfn, PteLayout.isWritable(pte) && PteLayout.isDirty(pte));
        return pfn;
    }

    /**
     * The MMU's page walk: if the PTE at {@code va} allows the access, sets its accessed bit (and
     * dirty bit for a write) as the hardware does and returns its frame; else -1 (a page fault).
     * Preconditions: the machine lock is held.
     */
    static int walk(Mm mm, long va, boolean write) {
        long pageVa = va & PAGE_MASK;
        long pte = mm.pte(pageVa);
        if (!Fault.satisfies(pte, write)) {
            return -1;
        }
        long updated = pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0);
        if (updated != pte) {
            mm.updatePte(pageVa, updated);
        }
        return (int) PteLayout.pfn(updated);
    }
}
