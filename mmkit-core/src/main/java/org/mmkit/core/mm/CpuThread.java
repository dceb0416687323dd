package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

import org.mmkit.core.SimThread;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * A thread's memory accesses as the MMU performs them: translation through the thread's software
 * TLB, else a page walk that sets the accessed and dirty bits as the hardware does, else the
 * fault path; faults the kernel answers with a signal become {@link org.mmkit.core.MemoryFault}.
 *
 * <p>An access within one page that hits the TLB takes no lock and allocates nothing: a load reads
 * the frame and then checks that the TLB did not change meanwhile (else it runs again on the miss
 * path); a store passes the TLB's store gate, so that a shootdown waits for it (see
 * {@link SoftTlb}). Every other access runs under the machine lock and fills the TLB.
 */
final class CpuThread implements SimThread {
    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Task task;
    /** This CPU's TLB: filled under the machine lock by the miss path, read with no lock by the hit paths. */
    private final SoftTlb tlb = new SoftTlb();
    /** Where this thread waits when a fault or a system call of it blocks; its sleeping flag is {@link #blocked}. */
    private final WaitQueue.Entry waiter;

    /** A new thread of {@code task}, whose TLB joins the address space's shootdowns. Preconditions: the machine lock is held. */
    CpuThread(Task task) {
        this.task = task;
        this.waiter = new WaitQueue.Entry(task.machine);
        task.mm.tlbs.addLocked(tlb);
    }

    @Override
    public boolean blocked() {
        return waiter.sleeping();
    }

    /**
     * Makes the calls of this thread's process in {@code operation} this thread's: while it runs
     * on this Java thread, {@link Task#currentThread} of the process is this thread.
     */
    @Override
    public <T> T call(Supplier<T> operation) {
        ThreadLocal<CpuThread> current = task.machine.current;
        CpuThread outer = current.get();
        current.set(this);
        try {
            return operation.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The process this thread belongs to. */
    Task task() {
        return task;
    }

    /** Where this thread sleeps, in a fault or in a system call made as this thread. */
    WaitQueue.Entry waiter() {
        return waiter;
    }

    /** Wakes this thread if it sleeps in a fault or a system call (its process exits). Preconditions: the machine lock is held. */
    void interruptLocked() {
        waiter.interruptLocked();
    }

    @Override
    public void load(long addr, byte[] dst) {
        long version = tlb.beginRead();
        int slot = tlb.hit(addr, dst.length, false);
        if (slot >= 0) {
            MemorySegment.copy(tlb.block(slot), ValueLayout.JAVA_BYTE, tlb.offset(slot) + (addr & ~PAGE_MASK),
                    dst, 0, dst.length);
            if (tlb.validate(version)) {
                return;
            }
        }
        missCopy(addr, MemorySegment.ofArray(dst), false);
    }

    @Override
    public void store(long addr, byte[] src) {
        long gate = tlb.enterStore();
        if (gate >= 0) {
            try {
                long version = tlb.beginRead();
                int slot = tlb.hit(addr, src.length, true);
                if (slot >= 0) {
                    MemorySegment block = tlb.block(slot); // read before the check: a fill may reuse the slot after it
                    long offset = tlb.offset(slot) + (addr & ~PAGE_MASK);
                    if (tlb.validate(version)) {
                        MemorySegment.copy(src, 0, block, ValueLayout.JAVA_BYTE, offset, src.length);
                        return;
                    }
                }
            } finally {
                tlb.leaveStore(gate);
            }
        }
        missCopy(addr, MemorySegment.ofArray(src), true);
    }

    @Override
    public long loadLong(long addr) {
        long version = tlb.beginRead();
        int slot = tlb.hit(addr, Long.BYTES, false);
        if (slot >= 0) {
            long value = tlb.block(slot).get(LITTLE_ENDIAN_LONG, tlb.offset(slot) + (addr & ~PAGE_MASK));
            if (tlb.validate(version)) {
                return value;
            }
        }
        return missLoadLong(addr);
    }

    @Override
    public void storeLong(long addr, long value) {
        long gate = tlb.enterStore();
        if (gate >= 0) {
            try {
                long version = tlb.beginRead();
                int slot = tlb.hit(addr, Long.BYTES, true);
                if (slot >= 0) {
                    MemorySegment block = tlb.block(slot); // read before the check: a fill may reuse the slot after it
                    long offset = tlb.offset(slot) + (addr & ~PAGE_MASK);
                    if (tlb.validate(version)) {
                        block.set(LITTLE_ENDIAN_LONG, offset, value);
                        return;
                    }
                }
            } finally {
                tlb.leaveStore(gate);
            }
        }
        missStoreLong(addr, value);
    }

    private long missLoadLong(long addr) {
        task.lockAlive();
        try {
            if (inOnePage(addr, Long.BYTES)) {
                int pfn = translate(addr, false);
                return frame(pfn).get(LITTLE_ENDIAN_LONG, PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK));
            }
            MemorySegment bytes = MemorySegment.ofArray(new byte[Long.BYTES]); // across two pages: rare
            copy(addr, bytes, false);
            return bytes.get(LITTLE_ENDIAN_LONG, 0);
        } finally {
            task.machine.lock.unlock();
        }
    }

    private void missStoreLong(long addr, long value) {
        task.lockAlive();
        try {
            if (inOnePage(addr, Long.BYTES)) {
                int pfn = translate(addr, true);
                frame(pfn).set(LITTLE_ENDIAN_LONG, PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK), value);
                return;
            }
            MemorySegment bytes = MemorySegment.ofArray(new byte[Long.BYTES]); // across two pages: rare
            bytes.set(LITTLE_ENDIAN_LONG, 0, value);
            copy(addr, bytes, true);
        } finally {
            task.machine.lock.unlock();
        }
    }

    private void missCopy(long addr, MemorySegment buffer, boolean write) {
        task.lockAlive();
        try {
            copy(addr, buffer, write);
        } finally {
            task.machine.lock.unlock();
        }
    }

    private static boolean inOnePage(long addr, int length) {
        return (addr & ~PAGE_MASK) + length <= PAGE_SIZE;
    }

    /** The block of simulated RAM holding frame {@code pfn}. Preconditions: the machine lock is held. */
    private MemorySegment frame(int pfn) {
        return task.machine.memory.block(pfn);
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
     * The frame behind {@code va} for this access: the page walk, then the fault path with
     * {@code FAULT_FLAG_USER | FAULT_FLAG_ALLOW_RETRY}, which may sleep. A failed fault becomes
     * its signal; out of memory, the OOM killer's SIGKILL ends the process first. The translation
     * is cached in the TLB. Preconditions: the machine lock is held.
     */
    private int translate(long va, boolean write) {
        Mm mm = task.mm;
        if (va < 0 || va >= task.machine.config.taskSize()) {
            throw VmFault.MAPERR.signal(va);
        }
        long pte = walk(mm, va, write);
        if (pte == NO_TRANSLATION) {
            VmFault outcome = Fault.resolve(mm, va, FaultFlags.userAccess(write), waiter);
            task.checkAliveLocked(); // it may have exited while this thread slept
            if (outcome == VmFault.OOM) {
                task.oomKillLocked();
            }
            if (outcome.isError()) {
                throw outcome.signal(va);
            }
            pte = walk(mm, va, write);
        }
        int pfn = (int) PteLayout.pfn(pte);
        tlb.fillLocked(va >>> PAGE_SHIFT, frame(pfn), PhysicalMemory.offsetInBlock(pfn),
                PteLayout.isWritable(pte) && PteLayout.isDirty(pte));
        return pfn;
    }

    /** What {@link #walk} returns when the access must fault: no present PTE is 0. */
    static final long NO_TRANSLATION = 0;

    /**
     * The MMU's page walk: if the PTE at {@code va} allows the access, sets its accessed bit (and
     * dirty bit for a write) as the hardware does and returns the PTE so updated; else
     * {@link #NO_TRANSLATION} (a page fault). Preconditions: the machine lock is held.
     */
    static long walk(Mm mm, long va, boolean write) {
        long pageVa = va & PAGE_MASK;
        long pte = mm.pte(pageVa);
        if (!Fault.satisfies(pte, write)) {
            return NO_TRANSLATION;
        }
        long updated = pte | PteLayout.ACCESSED | (write ? PteLayout.DIRTY : 0);
        if (updated != pte) {
            mm.updatePte(pageVa, updated);
        }
        return updated;
    }
}
