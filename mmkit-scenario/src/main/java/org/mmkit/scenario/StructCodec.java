package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.CType;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.Scalar;

/**
 * Turns {@link Initializer}s into the bytes of their C type and bytes back into text, with the
 * offsets and sizes of the layouts in {@code org.mmkit.core.abi} (no offset is defined here).
 * Addresses print through the transcript's address names and descriptors as {@code <fd>}, so the
 * text is the same on every backend.
 */
final class StructCodec {
    private StructCodec() {
    }

    /** The bytes of {@code value} as a {@code type}: members not written are zero. */
    static byte[] encode(CType type, Initializer value, ToLongFunction<String> names) {
        byte[] bytes = new byte[type.size()];
        write(bytes, 0, type, value, names);
        return bytes;
    }

    private static void write(byte[] bytes, int at, CType type, Initializer value, ToLongFunction<String> names) {
        switch (value) {
            case Initializer.Scalar s -> ((Scalar) type).write(bytes, at, s.value().eval(names));
            case Initializer.Members m -> {
                for (Initializer.Member member : m.members()) {
                    write(bytes, at + member.field().offset(), member.field().type(), member.value(), names);
                }
            }
        }
    }

    /**
     * The object at {@code at} with every member of its structs: {@code {range={start=a, len=4096},
     * mode=0x1}}. A union shows one member, as strace does: the one {@code expected} names (null
     * or silent: the first), since its other members read the same bytes as other types.
     */
    static String format(CType type, byte[] bytes, int at, Initializer expected, LongFunction<String> address) {
        return switch (type) {
            case Scalar s -> formatScalar(s, s.read(bytes, at), address);
            case Aggregate a -> {
                List<String> parts = new ArrayList<>();
                for (Field f : a.union() ? List.of(unionMember(a, expected)) : a.fields()) {
                    parts.add(f.name() + "=" + format(f.type(), bytes, at + f.offset(), expectedOf(f, expected), address));
                }
                yield "{" + String.join(", ", parts) + "}";
            }
        };
    }

    private static Field unionMember(Aggregate union, Initializer expected) {
        if (expected instanceof Initializer.Members m && !m.members().isEmpty()) {
            return m.members().getFirst().field();
        }
        return union.fields().getFirst();
    }

    /** What {@code expected} says about member {@code f}, or null. */
    private static Initializer expectedOf(Field f, Initializer expected) {
        if (expected instanceof Initializer.Members m) {
            for (Initializer.Member member : m.members()) {
                if (member.field() == f) {
                    return member.value();
                }
            }
        }
        return null;
    }

    /** Whether every member written in {@code expected} has that value in the object at {@code at}. */
    static boolean matches(CType type, byte[] bytes, int at, Initializer expected, ToLongFunction<String> names) {
        return switch (expected) {
            case Initializer.Scalar s -> {
                Scalar scalar = (Scalar) type;
                yield scalar.read(bytes, at) == scalar.read(scalar.bytes(s.value().eval(names)), 0);
            }
            case Initializer.Members m -> m.members().stream().allMatch(member ->
                    matches(member.field().type(), bytes, at + member.field().offset(), member.value(), names));
        };
    }

    /** The members written in {@code expected}, with their values as the type shows them. */
    static String describe(CType type, Initializer expected, ToLongFunction<String> names, LongFunction<String> address) {
        return switch (expected) {
            case Initializer.Scalar s -> {
                Scalar scalar = (Scalar) type;
                yield formatScalar(scalar, scalar.read(scalar.bytes(s.value().eval(names)), 0), address);
            }
            case Initializer.Members m -> {
                List<String> parts = new ArrayList<>();
                for (Initializer.Member member : m.members()) {
                    parts.add(member.field().name() + "=" + describe(member.field().type(), member.value(), names, address));
                }
                yield "{" + String.join(", ", parts) + "}";
            }
        };
    }

    private static String formatScalar(Scalar type, long value, LongFunction<String> address) {
        return switch (type.format()) {
            case DECIMAL -> type.signed() ? Long.toString(value) : Long.toUnsignedString(value);
            case HEX -> "0x" + Long.toHexString(value);
            case OCTAL -> "0" + Long.toOctalString(value);
            case ADDRESS -> value == 0 ? "0" : address.apply(value);
            // a descriptor stored by another process, or the executor, may differ between backends
            case DESCRIPTOR -> value < 0 ? Long.toString(value) : "<fd>";
            case OPAQUE -> "<?>";
        };
    }
}
