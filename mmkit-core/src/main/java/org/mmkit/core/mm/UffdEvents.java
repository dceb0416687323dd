package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;

import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * The userfaultfd non-cooperative events of one system call ({@code fs/userfaultfd.c}): fork,
 * mremap and munmap prepare theirs while they change the address space — each raises its
 * context's {@link UserfaultfdCtx#mmapChanging} — and {@link #complete} sends them once the change
 * is made, in the kernel's order: the UNMAP of a destination MREMAP_FIXED cleared
 * ({@code uf_unmap_early}), then FORK and REMAP, then the other UNMAPs ({@code uf_unmap}). The
 * calling thread waits for each to be read ({@link UserfaultfdCtx#sendEventLocked}). REMOVE is
 * sent at once, before the pages go ({@link #remove}). Called with the machine lock held.
 */
final class UffdEvents {
    /** An event prepared for {@code ctx}; a FORK event also carries the child's new context. */
    private record Prepared(UserfaultfdCtx ctx, byte[] message, UserfaultfdCtx forked, long start, long end) {
    }

    /**
     * Events for a call that passes no list to {@code do_mmap} (remap_file_pages): it prepares
     * nothing, so its unmaps send no UNMAP.
     */
    static final UffdEvents NONE = new UffdEvents(false);

    /** Whether this call sends events at all. */
    private final boolean enabled;
    /** {@code uf_unmap_early}: the UNMAP of mremap's MREMAP_FIXED destination. */
    private final List<Prepared> unmapsEarly = new ArrayList<>();
    /** {@code fcs} and {@code vrm->uf}: FORK and REMAP events. */
    private final List<Prepared> changes = new ArrayList<>();
    /** {@code uf_unmap}: the UNMAPs of munmap, mmap over a mapping, mremap's shrunk tail and moved-from range. */
    private final List<Prepared> unmaps = new ArrayList<>();

    /** The events of a system call that sends them. */
    UffdEvents() {
        this(true);
    }

    private UffdEvents(boolean enabled) {
        this.enabled = enabled;
    }

    private static byte[] message(int event) {
        byte[] message = new byte[UffdMsgLayout.SIZE];
        Scalars.U8.write(message, UffdMsgLayout.EVENT_OFFSET, event);
        return message;
    }

    /** A REMOVE or UNMAP message of [start, end). */
    private static byte[] rangeMessage(int event, long start, long end) {
        byte[] message = message(event);
        Scalars.U64.write(message, UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.REMOVE_START_OFFSET, start);
        Scalars.U64.write(message, UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.REMOVE_END_OFFSET, end);
        return message;
    }

    private static Prepared prepare(UserfaultfdCtx ctx, byte[] message, UserfaultfdCtx forked, long start, long end) {
        ctx.mmapChanging++;
        return new Prepared(ctx, message, forked, start, end);
    }

    /**
     * {@code userfaultfd_unmap_prep} for every VMA of [start, end) before it is unmapped: one
     * UNMAP of the whole range (not clipped to the VMA) per context that asked for EVENT_UNMAP.
     */
    void unmapPrep(Mm mm, long start, long end) {
        unmapPrep(unmaps, mm, start, end);
    }

    /** {@link #unmapPrep} for the destination that mremap's MREMAP_FIXED clears ({@code uf_unmap_early}). */
    void unmapEarlyPrep(Mm mm, long start, long end) {
        unmapPrep(unmapsEarly, mm, start, end);
    }

    private void unmapPrep(List<Prepared> into, Mm mm, long start, long end) {
        if (!enabled) {
            return;
        }
        for (Vma vma = mm.findVma(start); vma != null && Long.compareUnsigned(vma.start, end) < 0; vma = mm.next(vma)) {
            UserfaultfdCtx ctx = vma.uffdCtx;
            if (ctx == null || !ctx.has(UFFD_FEATURE_EVENT_UNMAP) || into.stream()
                    .anyMatch(p -> p.ctx == ctx && p.start == start && p.end == end)) { // has_unmap_ctx
                continue;
            }
            into.add(prepare(ctx, rangeMessage(UFFD_EVENT_UNMAP, start, end), null, start, end));
        }
    }

    /**
     * {@code mremap_userfaultfd_prep} for the VMA mremap moved [from, from + len) to at {@code to}:
     * with EVENT_REMAP it stays registered and a REMAP {from, to, len} is prepared; without it, it
     * loses its registration (its PTEs lost their uffd-wp state in the move already).
     */
    void remapPrep(Vma moved, long from, long to, long len) {
        UserfaultfdCtx ctx = moved.uffdCtx;
        if (ctx == null) {
            return;
        }
        if (!ctx.has(UFFD_FEATURE_EVENT_REMAP)) {
            UserfaultfdCalls.resetCtx(moved);
            return;
        }
        byte[] message = message(UFFD_EVENT_REMAP);
        int arg = UffdMsgLayout.ARG_OFFSET;
        Scalars.U64.write(message, arg + UffdMsgLayout.REMAP_FROM_OFFSET, from);
        Scalars.U64.write(message, arg + UffdMsgLayout.REMAP_TO_OFFSET, to);
        Scalars.U64.write(message, arg + UffdMsgLayout.REMAP_LEN_OFFSET, len);
        changes.add(prepare(ctx, message, null, 0, 0));
    }

    /**
     * {@code dup_userfaultfd} for {@code copy}, a forked child's VMA: without EVENT_FORK it loses
     * its registration; with it, it moves to the child's new context, one per parent context,
     * made the first time and announced by a FORK event to the parent's.
     */
    void forkPrep(Vma copy, Task child) {
        UserfaultfdCtx ctx = copy.uffdCtx;
        if (ctx == null) {
            return;
        }
        if (!ctx.has(UFFD_FEATURE_EVENT_FORK)) {
            UserfaultfdCalls.resetCtx(copy);
            return;
        }
        for (Prepared p : changes) {
            if (p.ctx == ctx) {
                copy.uffdCtx = p.forked;
                return;
            }
        }
        UserfaultfdCtx forked = ctx.forkedFor(child);
        changes.add(prepare(ctx, message(UFFD_EVENT_FORK), forked, 0, 0));
        copy.uffdCtx = forked;
    }

    /**
     * {@code userfaultfd_unmap_complete}, {@code dup_userfaultfd_complete} and
     * {@code mremap_userfaultfd_complete}: sends every prepared event in the kernel's order, the
     * calling thread of {@code mm}'s process waiting for each to be read. Every event is sent or
     * dropped even when a wait ends early, so that no context stays {@code mmap_changing}.
     */
    void complete(Mm mm) {
        if (unmapsEarly.isEmpty() && changes.isEmpty() && unmaps.isEmpty()) {
            return;
        }
        Task task = Task.owning(mm);
        List<Prepared> all = new ArrayList<>(unmapsEarly);
        all.addAll(changes);
        all.addAll(unmaps);
        unmapsEarly.clear();
        changes.clear();
        unmaps.clear();
        for (int i = 0; i < all.size(); i++) {
            Prepared p = all.get(i);
            try {
                p.ctx.sendEventLocked(task, p.message, p.forked);
            } catch (RuntimeException e) {
                dropFrom(all, i + 1);
                throw e;
            }
        }
    }

    /**
     * The events after a wait that ended early: never queued, each lowers its context's
     * {@code mmap_changing}, and a FORK event's child loses the new context.
     */
    private static void dropFrom(List<Prepared> all, int from) {
        for (Prepared p : all.subList(from, all.size())) {
            p.ctx.mmapChanging--;
            if (p.forked != null) {
                p.forked.releaseNew();
            }
        }
    }

    /**
     * {@code userfaultfd_remove}: before MADV_DONTNEED, MADV_DONTNEED_LOCKED, MADV_FREE or
     * MADV_REMOVE zaps [start, end) of {@code vma}, a context with EVENT_REMOVE gets a REMOVE
     * event, and the calling thread waits until it is read, with the machine lock released.
     * Returns whether it waited: then the caller must look the VMA up again.
     */
    static boolean remove(Mm mm, Vma vma, long start, long end) {
        UserfaultfdCtx ctx = vma.uffdCtx;
        if (ctx == null || !ctx.has(UFFD_FEATURE_EVENT_REMOVE)) {
            return false;
        }
        Prepared p = prepare(ctx, rangeMessage(UFFD_EVENT_REMOVE, start, end), null, start, end);
        p.ctx.sendEventLocked(Task.owning(mm), p.message, null);
        return true;
    }
}
