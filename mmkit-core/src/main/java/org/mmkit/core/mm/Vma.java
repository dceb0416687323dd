package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A virtual memory area ({@code struct vm_area_struct}): [start, end) of one address space with
 * uniform flags and backing. Guarded by the machine lock; {@code start}/{@code end} change only
 * together with the address space's VMA index ({@link Mm}).
 */
final class Vma {
    /** The address space holding this VMA ({@code vm_mm}). */
    final Mm mm;
    /** Page aligned, {@code start < end}; equal to this VMA's key range in {@link Mm#vmas}. */
    long start;
    long end;
    /** {@link VmFlags} bits. */
    long flags;
    /**
     * {@code vm_pgoff}: file page offset of {@code start} for file mappings; for anonymous
     * mappings the page number the VMA was created at (relocated by mremap while unfaulted).
     */
    long pgoff;
    /** The backing shmem file, or null for private anonymous memory. */
    final ShmemFile file;
    /**
     * {@code anon_vma_name}: the name given by {@code PR_SET_VMA_ANON_NAME}, shown in maps as
     * {@code [anon:NAME]} (or {@code [anon_shmem:NAME]}); null for none. Only anonymous and shared
     * anonymous VMAs have one; VMAs with different names never merge.
     */
    String anonName;
    /**
     * {@code vm_userfaultfd_ctx}: the userfaultfd this VMA is registered with, or null. Non-null
     * exactly when one of {@link VmFlags#UFFD_FLAGS} is set; VMAs with different contexts never merge.
     */
    UserfaultfdCtx uffdCtx;
    /**
     * {@code anon_vma}: where this VMA's new anonymous pages point; set on the first anonymous page
     * (anon_vma_prepare) or inherited; null before. When set, it is in {@link #anonChain}.
     */
    AnonVma anonVma;
    /**
     * {@code anon_vma_chain}: every anon_vma whose pages this VMA may map — its own and, after
     * fork, those of its ancestors ({@code anon_vma_fork}); a split or a copy links to the same
     * ones ({@code anon_vma_clone}). Each anon_vma here has this VMA in its {@link AnonVma#vmas}.
     * Empty exactly when {@link #anonVma} is null.
     */
    private final List<AnonVma> anonChain = new ArrayList<>();
    /**
     * {@code swap_readahead_info}: the last swap fault's address, readahead window and readahead
     * hits since, packed as {@link SwapReadahead} reads them; 0 before the first one. Copied with
     * the VMA ({@code vm_area_dup}).
     */
    long swapReadahead;

    Vma(Mm mm, long start, long end, long flags, long pgoff, ShmemFile file) {
        this.mm = mm;
        this.start = start;
        this.end = end;
        this.flags = flags;
        this.pgoff = pgoff;
        this.file = file;
    }

    /** A copy of this VMA's attributes over another range of another (or the same) address space. */
    Vma copy(Mm owner, long newStart, long newEnd, long newPgoff) {
        Vma copy = new Vma(owner, newStart, newEnd, flags, newPgoff, file);
        copy.anonName = anonName;
        copy.uffdCtx = uffdCtx;
        copy.swapReadahead = swapReadahead;
        copy.cloneAnonChain(this);
        if (file != null) {
            file.addMapping(copy);
        }
        return copy;
    }

    /** {@code list_is_singular(&vma->anon_vma_chain)}. */
    boolean singularAnonChain() {
        return anonChain.size() == 1;
    }

    /** The anon_vmas of this VMA's chain, read only. */
    List<AnonVma> anonChain() {
        return Collections.unmodifiableList(anonChain);
    }

    /** {@code anon_vma_chain_link}: links this VMA to {@code av} and makes it the VMA's own anon_vma. */
    void linkAnonVma(AnonVma av) {
        anonVma = av;
        if (!anonChain.contains(av)) {
            anonChain.add(av);
            av.add(this);
        }
    }

    /** {@code anon_vma_clone}: links this VMA, which has no anon_vma yet, to everything {@code src} is linked to. */
    void cloneAnonChain(Vma src) {
        if (src.anonVma == null) {
            return;
        }
        if (anonVma != null) {
            throw new IllegalStateException("cloning an anon_vma chain into a VMA that has one: " + this);
        }
        for (AnonVma av : src.anonChain) {
            anonChain.add(av);
            av.add(this);
        }
        anonVma = src.anonVma;
    }

    /** {@code unlink_anon_vmas}: drops every link; the VMA has no anon_vma afterwards. */
    void unlinkAnonVmas() {
        for (AnonVma av : anonChain) {
            av.remove(this);
        }
        anonChain.clear();
        anonVma = null;
    }

    boolean has(long flag) {
        return (flags & flag) != 0;
    }

    /** {@code vma_is_anonymous}: no file (private anonymous memory). */
    boolean isAnonymous() {
        return file == null;
    }

    /** {@code is_cow_mapping}: private and may become writable. */
    boolean isCow() {
        return (flags & (VmFlags.SHARED | VmFlags.MAYWRITE)) == VmFlags.MAYWRITE;
    }

    long pages() {
        return (end - start) >>> PAGE_SHIFT;
    }

    /** {@code linear_page_index}: the file (or anon) page offset of {@code addr}. */
    long pageIndex(long addr) {
        return pgoff + ((addr - start) >>> PAGE_SHIFT);
    }

    /** {@code vma_address}, the inverse of {@link #pageIndex}: where page {@code index} lies, or -1 outside this VMA. */
    long address(long index) {
        if (index < pgoff || index >= pgoff + pages()) {
            return -1;
        }
        return start + ((index - pgoff) << PAGE_SHIFT);
    }

    @Override
    public String toString() {
        return String.format("%x-%x flags=%x pgoff=%x", start, end, flags, pgoff);
    }
}
