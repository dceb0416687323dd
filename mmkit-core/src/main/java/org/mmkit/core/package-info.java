/**
 * The model's public API: start at {@link org.mmkit.core.Kernel}, which creates a simulated machine
 * from a {@link org.mmkit.core.KernelConfig} and its processes ({@link org.mmkit.core.SimProcess},
 * {@link org.mmkit.core.SimThread}). System calls fail with {@link org.mmkit.core.ErrnoException};
 * memory accesses that the kernel would answer with a signal throw
 * {@link org.mmkit.core.MemoryFault}. {@link org.mmkit.core.Uapi} has the constants of the Linux
 * user-space ABI, named as in C. A {@code Kernel} holds its RAM off the Java heap: close it.
 */
package org.mmkit.core;
