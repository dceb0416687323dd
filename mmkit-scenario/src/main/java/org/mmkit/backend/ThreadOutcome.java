package org.mmkit.backend;

/**
 * How the one operation of a spawned thread ended ({@link Backend#awaitThread}): an {@link Access}
 * for a load or store, a {@link SyscallReturn} for a system call.
 */
public sealed interface ThreadOutcome permits Access, SyscallReturn {
}
