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
 * <p>An access that hits the TLB takes no lock and allocates nothing: a load reads the frame and
 * then checks that the TLB did not change meanwhile (else it runs again on the miss path); a
 * store passes the TLB's store gate, so that a shootdown waits for it (see {@link SoftTlb}). A
 * miss within one page whose PTE already allows the access, with nothing for the walker to set,
 * is filled with no lock ({@link #fillWithoutLock}, as GUP-fast walks); every other access runs
 * under the machine lock and fills the TLB. An access of 2, 4 or 8 bytes across two pages
 * translates both pages before it touches either, so a store whose second page faults writes
 * nothing, as on x86.
 */
final class CpuThread implements SimThread {
    private static final ValueLayout.OfLong LITTLE_ENDIAN_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LITTLE_ENDIAN_INT =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort LITTLE_ENDIAN_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Task task;
    /** The address space; a thread never changes it (exit empties it, and the kernel's close stops lockless fills). */
    private final Mm mm;
    /** {@code TASK_SIZE}: no user address lies at or above it. */
    private final long taskSize;
    /** This CPU's TLB: filled by the miss paths, read with no lock by the hit paths. */
    private final SoftTlb tlb;
    /** Where this thread waits when a fault or a system call of it blocks; its sleeping flag is {@link #blocked}. */
    private final WaitQueue.Entry waiter;
    /**
     * A test hook, null but in tests: run by {@link #fillWithoutLock} between its page walk and
     * taking the TLB, where a racing shootdown is hardest to see. Set before the thread accesses memory.
     */
    Runnable afterLocklessWalk;

    /**
     * A new thread {@code tid} of {@code task} (the main thread's id is the pid), whose TLB joins
     * the address space's shootdowns. Preconditions: the machine lock is held.
     */
    CpuThread(Task task, int tid) {
        this.task = task;
        this.mm = task.mm;
        this.taskSize = task.machine.config.taskSize();
        this.waiter = new WaitQueue.Entry(task.machine, tid);
        this.tlb = new SoftTlb(task.machine.memory);
        mm.tlbs.addLocked(tlb);
    }

    @Override
    public int tid() {
        return waiter.tid;
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

    /**
     * {@link #call(Supplier)} with {@code whileAsleep} watching every sleep of the operation: it
     * runs (with the machine lock held) when the thread is about to sleep and then every
     * millisecond until it is woken, and what it throws ends the sleep and the operation.
     */
    @Override
    public <T> T call(Supplier<T> operation, Runnable whileAsleep) {
        Runnable outer = waiter.whileAsleep;
        waiter.whileAsleep = whileAsleep;
        try {
            return call(operation);
        } finally {
            waiter.whileAsleep = outer;
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
        waiter.wakeLocked();
    }

    @Override
    public void load(long addr, byte[] dst) {
        long version = tlb.beginRead();
        int pfn = tlb.hit(addr, dst.length, false);
        MemorySegment block = pfn >= 0 ? tlb.block(pfn) : null;
        if (block != null) {
            MemorySegment.copy(block, ValueLayout.JAVA_BYTE, PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK),
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
                int pfn = tlb.hit(addr, src.length, true);
                MemorySegment block = pfn >= 0 ? tlb.block(pfn) : null;
                if (block != null) {
                    long offset = PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK);
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
        return load(addr, Long.BYTES, true);
    }

    @Override
    public void storeLong(long addr, long value) {
        store(addr, Long.BYTES, value);
    }

    @Override
    public int loadInt(long addr) {
        return (int) load(addr, Integer.BYTES, true);
    }

    @Override
    public void storeInt(long addr, int value) {
        store(addr, Integer.BYTES, value);
    }

    @Override
    public short loadShort(long addr) {
        return (short) load(addr, Short.BYTES, true);
    }

    @Override
    public void storeShort(long addr, short value) {
        store(addr, Short.BYTES, value);
    }

    @Override
    public byte loadByte(long addr) {
        return (byte) load(addr, Byte.BYTES, true);
    }

    @Override
    public void storeByte(long addr, byte value) {
        store(addr, Byte.BYTES, value);
    }

    /**
     * A little-endian load of {@code size} (1, 2, 4 or 8) bytes, zero-extended: the TLB hit, kept
     * small so that it inlines, then {@link #loadMiss}.
     */
    private long load(long addr, int size, boolean mayFill) {
        long version = tlb.beginRead();
        int pfn = tlb.hit(addr, size, false);
        MemorySegment block = pfn >= 0 ? tlb.block(pfn) : null;
        if (block != null) {
            long value = get(block, PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK), size);
            if (tlb.validate(version)) {
                return value;
            }
        }
        return loadMiss(addr, size, mayFill);
    }

    /** A load the hit did not serve: across two pages; else a lockless fill (if {@code mayFill}) and the hit again; else the locked path. */
    private long loadMiss(long addr, int size, boolean mayFill) {
        if (!inOnePage(addr, size)) {
            return loadAcrossPages(addr, size);
        }
        return mayFill && fillWithoutLock(addr, false) ? load(addr, size, false) : missLoad(addr, size);
    }

    /** A load across two pages: a hit if both are cached, else the locked path. */
    private long loadAcrossPages(long addr, int size) {
        long version = tlb.beginRead();
        long second = nextPage(addr);
        int firstBytes = (int) (second - addr);
        int first = tlb.hit(addr, firstBytes, false);
        int last = tlb.hit(second, size - firstBytes, false);
        MemorySegment firstBlock = first >= 0 ? tlb.block(first) : null;
        MemorySegment lastBlock = last >= 0 ? tlb.block(last) : null;
        if (firstBlock != null && lastBlock != null) {
            long value = getSplit(firstBlock, PhysicalMemory.offsetInBlock(first) + (addr & ~PAGE_MASK), firstBytes,
                    lastBlock, PhysicalMemory.offsetInBlock(last), size);
            if (tlb.validate(version)) {
                return value;
            }
        }
        return missLoad(addr, size);
    }

    /** A little-endian store of the low {@code size} (1, 2, 4 or 8) bytes of {@code value}. */
    private void store(long addr, int size, long value) {
        if (!storeHit(addr, size, value)) {
            storeMiss(addr, size, value);
        }
    }

    /** The store hit within one page, kept small so that it inlines: whether the store landed through the TLB, inside the store gate. */
    private boolean storeHit(long addr, int size, long value) {
        long gate = tlb.enterStore();
        if (gate < 0) {
            return false;
        }
        try {
            long version = tlb.beginRead();
            int pfn = tlb.hit(addr, size, true);
            MemorySegment block = pfn >= 0 ? tlb.block(pfn) : null;
            if (block == null) {
                return false;
            }
            long offset = PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK);
            if (!tlb.validate(version)) {
                return false;
            }
            set(block, offset, size, value);
            return true;
        } finally {
            tlb.leaveStore(gate);
        }
    }

    /** A store the hit did not serve: a lockless fill and the hit again, a hit across two pages, else the locked path. */
    private void storeMiss(long addr, int size, long value) {
        boolean served = inOnePage(addr, size)
                ? fillWithoutLock(addr, true) && storeHit(addr, size, value)
                : storeAcrossPagesHit(addr, size, value);
        if (!served) {
            missStore(addr, size, value);
        }
    }

    /** A store across two pages through the TLB, inside the store gate: whether both pages were cached and it landed. */
    private boolean storeAcrossPagesHit(long addr, int size, long value) {
        long gate = tlb.enterStore();
        if (gate < 0) {
            return false;
        }
        try {
            long version = tlb.beginRead();
            long second = nextPage(addr);
            int firstBytes = (int) (second - addr);
            int first = tlb.hit(addr, firstBytes, true);
            int last = tlb.hit(second, size - firstBytes, true);
            MemorySegment firstBlock = first >= 0 ? tlb.block(first) : null;
            MemorySegment lastBlock = last >= 0 ? tlb.block(last) : null;
            if (firstBlock == null || lastBlock == null) {
                return false;
            }
            long firstOffset = PhysicalMemory.offsetInBlock(first) + (addr & ~PAGE_MASK);
            long lastOffset = PhysicalMemory.offsetInBlock(last);
            if (!tlb.validate(version)) {
                return false;
            }
            setSplit(firstBlock, firstOffset, firstBytes, lastBlock, lastOffset, size, value);
            return true;
        } finally {
            tlb.leaveStore(gate);
        }
    }

    /**
     * A TLB miss within one page served with no lock, as GUP-fast serves {@code get_user_pages}:
     * walks the page tables without the machine lock and fills the TLB if the PTE allows the
     * access and already has what the hardware walker would set (accessed; dirty for a store) —
     * setting bits in a PTE is left to the locked path, whose writes to PTEs are not atomic
     * read-modify-writes. Returns whether it filled; anything else (not present, write-protected,
     * uffd-wp, a userfaultfd fault, never-touched contents, a racing writer) takes the locked path.
     *
     * <p>Safe against a concurrent shootdown: the fill reads the generations of shootdowns and of
     * table frees before the walk, takes its TLB's writer side (a full fence), then reads them
     * again. A shootdown changes its generation before it reads the TLB's version. So either the
     * fill sees the change and gives up, or the shootdown sees the fill and flushes it; and a walk
     * through a freed table whose id was reused changes the second generation.
     */
    private boolean fillWithoutLock(long addr, boolean write) {
        long version = tlb.beginRead();
        long shootdowns = mm.tlbs.generation();
        long tableFrees = mm.pageTables.generation();
        if (((version | shootdowns) & 1) != 0 || addr < 0 || addr >= taskSize) {
            return false;
        }
        long pte = mm.pageTables.pteLockless(addr);
        long needed = PteLayout.PRESENT | PteLayout.USER | PteLayout.ACCESSED
                | (write ? PteLayout.RW | PteLayout.DIRTY : 0);
        if ((pte & needed) != needed) {
            return false;
        }
        int pfn = (int) PteLayout.pfn(pte);
        boolean contentsExist = tlb.block(pfn) != null;
        if (afterLocklessWalk != null) {
            afterLocklessWalk.run();
        }
        if (!contentsExist || !tlb.tryBeginFill(version)) {
            return false;
        }
        if (mm.tlbs.generation() != shootdowns || mm.pageTables.generation() != tableFrees) {
            tlb.abortFill(version);
            return false;
        }
        tlb.endFill(version, addr >>> PAGE_SHIFT, pfn, PteLayout.isWritable(pte) && PteLayout.isDirty(pte));
        return true;
    }

    private long missLoad(long addr, int size) {
        task.lockAlive();
        try {
            if (inOnePage(addr, size)) {
                int pfn = translate(addr, false);
                return get(frame(pfn), PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK), size);
            }
            long second = nextPage(addr);
            long pfns = translateBoth(addr, second, false);
            int first = (int) (pfns >>> 32);
            int last = (int) pfns;
            return getSplit(frame(first), PhysicalMemory.offsetInBlock(first) + (addr & ~PAGE_MASK),
                    (int) (second - addr), frame(last), PhysicalMemory.offsetInBlock(last), size);
        } finally {
            task.machine.lock.unlock();
        }
    }

    private void missStore(long addr, int size, long value) {
        task.lockAlive();
        try {
            if (inOnePage(addr, size)) {
                int pfn = translate(addr, true);
                set(frame(pfn), PhysicalMemory.offsetInBlock(pfn) + (addr & ~PAGE_MASK), size, value);
                return;
            }
            long second = nextPage(addr);
            long pfns = translateBoth(addr, second, true);
            int first = (int) (pfns >>> 32);
            int last = (int) pfns;
            setSplit(frame(first), PhysicalMemory.offsetInBlock(first) + (addr & ~PAGE_MASK), (int) (second - addr),
                    frame(last), PhysicalMemory.offsetInBlock(last), size, value);
        } finally {
            task.machine.lock.unlock();
        }
    }

    /**
     * The frames of an access across the page boundary {@code second}: the first page's in the
     * high 32 bits, the second's in the low. Both are translated before either is accessed, so a
     * fault on either page leaves memory untouched, as x86 checks both pages of a split access
     * first. A fault that slept may have changed the other page, so both are translated until a
     * walk finds the first one unchanged after the second. Preconditions: the machine lock is held.
     */
    private long translateBoth(long addr, long second, boolean write) {
        while (true) {
            int first = translate(addr, write);
            int last = translate(second, write);
            long pte = walk(mm, addr, write);
            if (pte != NO_TRANSLATION && PteLayout.pfn(pte) == first) {
                return (long) first << 32 | (last & 0xffff_ffffL);
            }
        }
    }

    /** {@code size} bytes little-endian at {@code offset} of {@code block}, zero-extended. */
    private static long get(MemorySegment block, long offset, int size) {
        return switch (size) {
            case Long.BYTES -> block.get(LITTLE_ENDIAN_LONG, offset);
            case Integer.BYTES -> block.get(LITTLE_ENDIAN_INT, offset) & 0xffff_ffffL;
            case Short.BYTES -> block.get(LITTLE_ENDIAN_SHORT, offset) & 0xffffL;
            default -> block.get(ValueLayout.JAVA_BYTE, offset) & 0xffL;
        };
    }

    /** Stores the low {@code size} bytes of {@code value} little-endian at {@code offset} of {@code block}. */
    private static void set(MemorySegment block, long offset, int size, long value) {
        switch (size) {
            case Long.BYTES -> block.set(LITTLE_ENDIAN_LONG, offset, value);
            case Integer.BYTES -> block.set(LITTLE_ENDIAN_INT, offset, (int) value);
            case Short.BYTES -> block.set(LITTLE_ENDIAN_SHORT, offset, (short) value);
            default -> block.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
        }
    }

    /** {@link #get} of bytes split between the end of one frame ({@code firstBytes} of them) and the start of another. */
    private static long getSplit(MemorySegment first, long firstOffset, int firstBytes,
            MemorySegment last, long lastOffset, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            MemorySegment block = i < firstBytes ? first : last;
            long offset = i < firstBytes ? firstOffset + i : lastOffset + i - firstBytes;
            value |= (block.get(ValueLayout.JAVA_BYTE, offset) & 0xffL) << (Byte.SIZE * i);
        }
        return value;
    }

    /** {@link #set} of bytes split between the end of one frame ({@code firstBytes} of them) and the start of another. */
    private static void setSplit(MemorySegment first, long firstOffset, int firstBytes,
            MemorySegment last, long lastOffset, int size, long value) {
        for (int i = 0; i < size; i++) {
            MemorySegment block = i < firstBytes ? first : last;
            long offset = i < firstBytes ? firstOffset + i : lastOffset + i - firstBytes;
            block.set(ValueLayout.JAVA_BYTE, offset, (byte) (value >>> (Byte.SIZE * i)));
        }
    }

    /** The start of the page after the one holding {@code addr}. */
    private static long nextPage(long addr) {
        return (addr & PAGE_MASK) + PAGE_SIZE;
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
        if (va < 0 || va >= taskSize) {
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
        tlb.fillLocked(va >>> PAGE_SHIFT, pfn, PteLayout.isWritable(pte) && PteLayout.isDirty(pte));
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
