package org.mmkit.core.abi;

import java.util.List;

/**
 * A C struct or union: named members at fixed offsets. Union members all start at offset 0 and
 * overlap. The layout classes of this package build one from their offset constants.
 *
 * @param name the C name of the struct or union
 * @param size {@code sizeof}, in bytes
 * @param union whether the members overlap
 * @param fields the members in declaration order
 */
public record Aggregate(String name, int size, boolean union, List<Field> fields) implements CType {
    /**
     * Checks that every member lies inside the aggregate, and copies the member list.
     *
     * @throws IllegalArgumentException if a member lies outside {@code size} bytes
     */
    public Aggregate {
        fields = List.copyOf(fields);
        for (Field f : fields) {
            if (f.offset() < 0 || f.offset() + f.type().size() > size) {
                throw new IllegalArgumentException(name + "." + f.name() + " lies outside " + size + " bytes");
            }
        }
    }

    /**
     * A struct.
     *
     * @param name its C name
     * @param size {@code sizeof}, in bytes
     * @param fields its members
     * @return the type
     */
    public static Aggregate struct(String name, int size, Field... fields) {
        return new Aggregate(name, size, false, List.of(fields));
    }

    /**
     * A union.
     *
     * @param name its C name
     * @param size {@code sizeof}, in bytes
     * @param fields its members, all at offset 0
     * @return the type
     */
    public static Aggregate union(String name, int size, Field... fields) {
        return new Aggregate(name, size, true, List.of(fields));
    }

    /**
     * A member by name.
     *
     * @param member the member's C name
     * @return the member called {@code member}, or null
     */
    public Field field(String member) {
        for (Field f : fields) {
            if (f.name().equals(member)) {
                return f;
            }
        }
        return null;
    }
}
