/**
 * Bit layouts of the data the kernel hands user space, one descriptor class each, with a bit
 * diagram and static accessors: what a program (or test) needs to decode what the model and the
 * real kernel return, e.g. {@link org.mmkit.core.abi.PagemapEntryLayout}.
 */
package org.mmkit.core.abi;
