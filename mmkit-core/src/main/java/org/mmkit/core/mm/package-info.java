/**
 * Address spaces and everything that changes them: the machine and its lock, processes, VMAs, the
 * fault path, one file per system call ({@code mm/mmap.c}, {@code mm/memory.c}, {@code mm/mremap.c}
 * ...). Internal: reached only through {@code org.mmkit.core}; see docs/architecture.md for the lock.
 */
package org.mmkit.core.mm;
