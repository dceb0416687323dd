package org.mmkit.core.mm;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code struct anon_vma}: the reverse-map root of the anonymous pages of a VMA and of the copies
 * fork made of it. Anonymous pages point to it ({@code page->mapping}); identity is what matters
 * for VMA merging. Guarded by the machine lock.
 */
final class AnonVma {
    /** The anon_vma of the VMA this one's VMA was forked from, or null. */
    final AnonVma parent;
    /**
     * The VMAs an {@code anon_vma_chain} links to this anon_vma ({@code anon_vma->rb_root}): every
     * VMA, in any process, that may map a page pointing here. A VMA is here exactly when this
     * anon_vma is in its {@link Vma#anonChain}; in linking order, so walks are deterministic.
     */
    private final Set<Vma> vmas = new LinkedHashSet<>();

    AnonVma(AnonVma parent) {
        this.parent = parent;
    }

    /**
     * {@code anon_vma->root}: the anon_vma of the VMA every fork in this one's line started from,
     * which links every VMA of that fork tree; a page that may be shared among them points here
     * ({@code __folio_set_anon} of a page that is not exclusive).
     */
    AnonVma root() {
        AnonVma root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        return root;
    }

    /** The linked VMAs, read only. */
    Set<Vma> vmas() {
        return Collections.unmodifiableSet(vmas);
    }

    /** Called by {@link Vma} only, which keeps the two sides of each chain link together. */
    void add(Vma vma) {
        vmas.add(vma);
    }

    void remove(Vma vma) {
        vmas.remove(vma);
    }
}
