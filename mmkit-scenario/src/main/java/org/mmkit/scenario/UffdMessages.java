package org.mmkit.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.Scalar;
import org.mmkit.core.abi.UffdMsgLayout;

/**
 * A {@code struct uffd_msg} as {@code read(u)} shows it: flattened to the event and the members of
 * the union member the event uses ({@code {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE,
 * address=a+0x1000, ptid=0}}), the event and fault flags by name, the faulting thread by its
 * scenario name. Offsets and members come from {@link UffdMsgLayout}.
 */
final class UffdMessages {
    private UffdMessages() {
    }

    static final String EVENT = "event";
    static final String PTID = "ptid";

    /** One member a scenario expects: a value, or for {@code ptid} a thread name ({@code value} null). */
    record Expected(String member, Expr value, String thread) {
    }

    /** One member of a message read: its name, C type and value. */
    record Member(String name, Scalar type, long value) {
    }

    private static final Field ARG = UffdMsgLayout.TYPE.field("arg");
    private static final Scalar EVENT_TYPE = (Scalar) UffdMsgLayout.TYPE.field(EVENT).type();

    /** Every member any event shows, with its type: what an expectation may name. */
    static final Map<String, Scalar> MEMBERS = allMembers();

    private static Map<String, Scalar> allMembers() {
        Map<String, Scalar> all = new LinkedHashMap<>();
        all.put(EVENT, EVENT_TYPE);
        List<Member> leaves = new ArrayList<>();
        for (Field f : ((Aggregate) ARG.type()).fields()) {
            addMembers(leaves, f, new byte[UffdMsgLayout.SIZE], 0);
        }
        leaves.forEach(m -> all.put(m.name(), m.type()));
        return Map.copyOf(all);
    }

    /** The union member of {@code arg} an event fills. */
    private static String argumentOf(long event) {
        return switch ((int) event) {
            case Uapi.UFFD_EVENT_PAGEFAULT -> "pagefault";
            case Uapi.UFFD_EVENT_FORK -> "fork";
            case Uapi.UFFD_EVENT_REMAP -> "remap";
            case Uapi.UFFD_EVENT_REMOVE, Uapi.UFFD_EVENT_UNMAP -> "remove";
            default -> "reserved";
        };
    }

    /** The members of the message in {@code bytes}: the event, then those of its argument. */
    static List<Member> flatten(byte[] bytes) {
        long event = EVENT_TYPE.read(bytes, UffdMsgLayout.EVENT_OFFSET);
        List<Member> members = new ArrayList<>();
        members.add(new Member(EVENT, EVENT_TYPE, event));
        Field argument = ((Aggregate) ARG.type()).field(argumentOf(event));
        addMembers(members, argument, bytes, ARG.offset());
        return members;
    }

    /** The scalars inside {@code f} (at {@code at} + its offset); of a union, its first member. */
    private static void addMembers(List<Member> into, Field f, byte[] bytes, int at) {
        int here = at + f.offset();
        switch (f.type()) {
            case Scalar s -> into.add(new Member(f.name(), s, s.read(bytes, here)));
            case Aggregate a -> {
                for (Field inner : a.union() ? List.of(a.fields().getFirst()) : a.fields()) {
                    addMembers(into, inner, bytes, here);
                }
            }
        }
    }

    /**
     * How a message shows its numbers: {@code address} names an address, {@code end} the end of a
     * range (a removed or unmapped range's {@code end}), {@code thread} a thread id.
     */
    record Names(LongFunction<String> address, LongFunction<String> end, LongFunction<String> thread) {
    }

    /** {@code {event=..., flags=..., ...}}. */
    static String format(List<Member> members, Names names) {
        List<String> parts = new ArrayList<>();
        for (Member m : members) {
            parts.add(m.name() + "=" + formatValue(m.name(), m.type(), m.value(), names));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String formatValue(String name, Scalar type, long value, Names names) {
        return switch (name) {
            case EVENT -> Constants.name("UFFD_EVENT_", value);
            case "flags" -> Constants.flags("UFFD_PAGEFAULT_FLAG_", value);
            case PTID -> names.thread().apply(value);
            case "end" -> value == 0 ? "0" : names.end().apply(value);
            default -> StructCodec.formatScalar(type, value, names.address());
        };
    }

    /** Whether the message has every member {@code expected} states, with that value. */
    static boolean matches(List<Member> members, List<Expected> expected, ToLongFunction<String> values,
            LongFunction<String> thread) {
        for (Expected e : expected) {
            Member m = members.stream().filter(x -> x.name().equals(e.member())).findFirst().orElse(null);
            if (m == null) {
                return false;
            }
            boolean same = e.thread() != null ? thread.apply(m.value()).equals(e.thread())
                    : m.type().read(m.type().bytes(e.value().eval(values)), 0) == m.value();
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The expectation as the transcript would show a message that meets it. */
    static String describe(List<Expected> expected, ToLongFunction<String> values, Names names) {
        List<String> parts = new ArrayList<>();
        for (Expected e : expected) {
            parts.add(e.member() + "=" + (e.thread() != null ? e.thread()
                    : formatValue(e.member(), MEMBERS.get(e.member()), e.value().eval(values), names)));
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
