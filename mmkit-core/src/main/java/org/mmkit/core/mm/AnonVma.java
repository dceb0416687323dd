package org.mmkit.core.mm;

/**
 * {@code struct anon_vma}: the reverse-map root of anonymous pages of a VMA and of the copies fork
 * made of it. Anonymous pages point to it ({@code page->mapping}); identity is what matters for
 * VMA merging.
 */
final class AnonVma {
    /** The anon_vma of the VMA this one's VMA was forked from, or null. */
    final AnonVma parent;

    AnonVma(AnonVma parent) {
        this.parent = parent;
    }
}
