package org.mmkit.backend;

/**
 * The outcome of a system call made by a spawned thread ({@link Backend#startSyscall}).
 *
 * @param raw its raw result, as {@link Backend#syscall} returns it: non-negative, or {@code -errno}
 */
public record SyscallReturn(long raw) implements ThreadOutcome {
}
