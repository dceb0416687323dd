package org.mmkit.core.abi;

import java.util.List;

/**
 * A C struct or union: named members at fixed offsets. Union members all start at offset 0 and
 * overlap. The layout classes of this package build one from their offset constants.
 */
public record Aggregate(String name, int size, boolean union, List<Field> fields) implements CType {
    public Aggregate {
        fields = List.copyOf(fields);
        for (Field f : fields) {
            if (f.offset() < 0 || f.offset() + f.type().size() > size) {
                throw new IllegalArgumentException(name + "." + f.name() + " lies outside " + size + " bytes");
            }
        }
    }

    public static Aggregate struct(String name, int size, Field... fields) {
        return new Aggregate(name, size, false, List.of(fields));
    }

    public static Aggregate union(String name, int size, Field... fields) {
        return new Aggregate(name, size, true, List.of(fields));
    }

    /** The member called {@code member}, or null. */
    public Field field(String member) {
        for (Field f : fields) {
            if (f.name().equals(member)) {
                return f;
            }
        }
        return null;
    }
}
