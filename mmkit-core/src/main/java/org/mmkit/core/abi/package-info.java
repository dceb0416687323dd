/**
 * Layouts of the data the kernel and user space exchange, one descriptor class each, with a bit or
 * byte diagram and static accessors: what a program (or test) needs to decode what the model and
 * the real kernel return, e.g. {@link org.mmkit.core.abi.PagemapEntryLayout}, and to build the
 * structs that system calls read, e.g. {@link org.mmkit.core.abi.UffdioRegisterLayout}.
 */
package org.mmkit.core.abi;
