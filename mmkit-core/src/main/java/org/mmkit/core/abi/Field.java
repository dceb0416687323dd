package org.mmkit.core.abi;

/**
 * A member of a struct or union: its name, its byte offset in the aggregate, and its type.
 *
 * @param name the member's C name
 * @param offset its byte offset from the start of the aggregate
 * @param type its C type
 */
public record Field(String name, int offset, CType type) {
}
