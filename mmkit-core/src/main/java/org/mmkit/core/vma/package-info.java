/**
 * The index of an address space's VMAs, the model's maple tree: finds VMAs and free gaps.
 * Internal; guarded by the machine lock.
 */
package org.mmkit.core.vma;
