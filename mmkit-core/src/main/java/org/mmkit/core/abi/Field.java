package org.mmkit.core.abi;

/** A member of a struct or union: its name, its byte offset in the aggregate, and its type. */
public record Field(String name, int offset, CType type) {
}
