package org.mmkit.core.mm;

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
    /** {@code anon_vma}: set on the first anonymous page (anon_vma_prepare); null before. */
    AnonVma anonVma;
    /**
     * Whether the {@code anon_vma_chain} holds more than one link (a VMA inherited across fork).
     * Merging treats a VMA with a singular chain specially ({@code is_mergeable_anon_vma}).
     */
    boolean anonChainShared;

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
        copy.anonVma = anonVma;
        copy.anonChainShared = anonChainShared;
        if (file != null) {
            file.addMapping(copy);
        }
        return copy;
    }

    /** {@code list_is_singular(&vma->anon_vma_chain)}. */
    boolean singularAnonChain() {
        return anonVma != null && !anonChainShared;
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
        return (end - start) >>> 12;
    }

    /** {@code linear_page_index}: the file (or anon) page offset of {@code addr}. */
    long pageIndex(long addr) {
        return pgoff + ((addr - start) >>> 12);
    }

    @Override
    public String toString() {
        return String.format("%x-%x flags=%x pgoff=%x", start, end, flags, pgoff);
    }
}
