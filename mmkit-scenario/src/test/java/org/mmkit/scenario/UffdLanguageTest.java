package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.core.abi.UffdioCopyLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;

/** How userfaultfd reads in a scenario: inline ioctl structs, {@code read(u)} messages and {@code poll(u)}. */
class UffdLanguageTest {
    private static final String SETUP = """
            a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
            """;

    private static Step last(String text) throws ScenarioSyntaxException {
        return ScenarioParser.parse("t.mms", SETUP + text).steps().getLast();
    }

    @Test
    void theCommandGivesTheInlineStructItsType() throws Exception {
        Step.Call c = (Step.Call) last(
                "ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}");
        Expr.CObject object = (Expr.CObject) c.args().getLast();
        assertThat(object.type()).isEqualTo(UffdioRegisterLayout.TYPE);
        byte[] bytes = StructCodec.encode(object.type(), object.value(), name -> 0x10000);
        assertThat(UffdioRegisterLayout.TYPE.field("mode").type()).isNotNull();
        assertThat(bytes[UffdioRegisterLayout.MODE_OFFSET]).isEqualTo((byte) Uapi.UFFDIO_REGISTER_MODE_MISSING);
        assertThat(c.written()).isNotNull();
        assertThat(StructCodec.describe(object.type(), c.written(), n -> 0, x -> "?")).isEqualTo("{ioctls=0x13c}");
    }

    @Test
    void aFailedResultCarriesTheMembersToo() throws Exception {
        Step.Call c = (Step.Call) last("ioctl(u, UFFDIO_COPY, {dst=a, src=a, len=PAGE}) = -1 EEXIST {copy=-17}");
        assertThat(((Expr.CObject) c.args().getLast()).type()).isEqualTo(UffdioCopyLayout.TYPE);
        assertThat(c.expected()).isEqualTo(new Step.ReturnsError(17));
        assertThat(StructCodec.describe(UffdioCopyLayout.TYPE, c.written(), n -> 0, x -> "?")).isEqualTo("{copy=-17}");
    }

    @Test
    void everyUffdioCommandTakesAnInlineStruct() {
        for (int command : List.of(Uapi.UFFDIO_API, Uapi.UFFDIO_REGISTER, Uapi.UFFDIO_UNREGISTER, Uapi.UFFDIO_WAKE,
                Uapi.UFFDIO_COPY, Uapi.UFFDIO_ZEROPAGE, Uapi.UFFDIO_MOVE, Uapi.UFFDIO_WRITEPROTECT,
                Uapi.UFFDIO_CONTINUE, Uapi.UFFDIO_POISON)) {
            assertThat(IoctlArguments.of(command)).as(Constants.name("UFFDIO_", command)).isNotNull();
        }
        assertThat(IoctlArguments.of(Uapi.USERFAULTFD_IOC_NEW)).isNull();
    }

    @Test
    void aMessageReadIsOneMessageIntoTheScratchArea() throws Exception {
        Step.ReadMessage r = (Step.ReadMessage) ScenarioParser.parse("t.mms", SETUP +
                "spawn t1: load(a, 1)\nread(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, ptid=t1}\njoin t1")
                .steps().get(3);
        assertThat(r.args()).hasSize(3);
        assertThat(((Expr.CObject) r.args().get(1)).type()).isEqualTo(UffdMsgLayout.TYPE);
        assertThat(r.args().get(2)).isEqualTo(new Expr.Literal(UffdMsgLayout.SIZE));
        assertThat(r.message()).extracting(UffdMessages.Expected::member).containsExactly("event", "flags", "ptid");
        assertThat(r.message().getLast().thread()).isEqualTo("t1");
        assertThat(((Step.ReadMessage) last("read(u) = -1 EAGAIN")).error()).isEqualTo(new Step.ReturnsError(11));
    }

    @Test
    void messagesPrintFlattenedByEvent() {
        byte[] fault = new byte[UffdMsgLayout.SIZE];
        fault[0] = (byte) Uapi.UFFD_EVENT_PAGEFAULT;
        fault[UffdMsgLayout.ARG_OFFSET] = 3;
        fault[UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_ADDRESS_OFFSET + 1] = 0x10;
        fault[UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.PAGEFAULT_FEAT_OFFSET] = 42;
        assertThat(UffdMessages.format(UffdMessages.flatten(fault), names(t -> t == 42 ? "t1" : "?")))
                .isEqualTo("{event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP,"
                        + " address=0x1000, ptid=t1}");
        byte[] remap = new byte[UffdMsgLayout.SIZE];
        remap[0] = (byte) Uapi.UFFD_EVENT_REMAP;
        remap[UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.REMAP_LEN_OFFSET + 1] = 0x20;
        assertThat(UffdMessages.format(UffdMessages.flatten(remap), names(t -> "?")))
                .isEqualTo("{event=UFFD_EVENT_REMAP, from=0, to=0, len=8192}");
        byte[] fork = new byte[UffdMsgLayout.SIZE];
        fork[0] = (byte) Uapi.UFFD_EVENT_FORK;
        fork[UffdMsgLayout.ARG_OFFSET] = 5;
        assertThat(UffdMessages.format(UffdMessages.flatten(fork), names(t -> "?")))
                .isEqualTo("{event=UFFD_EVENT_FORK, ufd=<fd>}");
    }

    private static UffdMessages.Names names(java.util.function.LongFunction<String> thread) {
        return new UffdMessages.Names(x -> "0x" + Long.toHexString(x), x -> "end 0x" + Long.toHexString(x), thread);
    }

    @Test
    void anUnmapEventShowsItsEndAsTheEndOfARange() {
        byte[] unmap = new byte[UffdMsgLayout.SIZE];
        unmap[0] = (byte) Uapi.UFFD_EVENT_UNMAP;
        unmap[UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.REMOVE_START_OFFSET + 1] = 0x10;
        unmap[UffdMsgLayout.ARG_OFFSET + UffdMsgLayout.REMOVE_END_OFFSET + 1] = 0x30;
        assertThat(UffdMessages.format(UffdMessages.flatten(unmap), names(t -> "?")))
                .isEqualTo("{event=UFFD_EVENT_UNMAP, start=0x1000, end=end 0x3000}");
    }

    @Test
    void pollOfOneDescriptorAsksForPollinWithoutWaiting() throws Exception {
        Step.PollOne p = (Step.PollOne) last("poll(u) == POLLIN");
        assertThat(p.args().get(1)).isEqualTo(new Expr.Literal(1));
        assertThat(p.args().get(2)).isEqualTo(new Expr.Literal(0));
        assertThat(p.revents()).isEqualTo(new Expr.Literal(Uapi.POLLIN));
        assertThat(Constants.flags("POLL", Uapi.POLLIN | Uapi.POLLERR)).isEqualTo("POLLIN|POLLERR");
        assertThat(Constants.flags("POLL", 0)).isEqualTo("0");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("ioctl(u, 0x1234, {start=a})", "an inline struct needs an ioctl command whose struct is known"
                        + " (PAGEMAP_SCAN, UFFDIO_API, UFFDIO_CONTINUE, UFFDIO_COPY, UFFDIO_MOVE, UFFDIO_POISON, UFFDIO_REGISTER,"
                        + " UFFDIO_UNREGISTER, UFFDIO_WAKE, UFFDIO_WRITEPROTECT, UFFDIO_ZEROPAGE);"
                        + " otherwise store(buf, TYPE{...}) and pass buf"),
                Arguments.of("ioctl(u, UFFDIO_COPY, {dst=a, size=PAGE})",
                        "uffdio_copy has no member 'size' (members: dst, src, len, mode, copy)"),
                Arguments.of("ioctl(u, UFFDIO_COPY, {dst=a}) {copy=4096}",
                        "the members the kernel writes follow the result: '= 0 {member=value, ...}'"),
                Arguments.of("ioctl(u, UFFDIO_COPY, {dst=a}) = 0 {copied=4096}",
                        "uffdio_copy has no member 'copied' (members: dst, src, len, mode, copy)"),
                Arguments.of("read(u) == {event=UFFD_EVENT_FORK, fd=3}",
                        "a message has no member 'fd' (members: address, end, event, flags, from, len, ptid,"
                                + " reserved1, reserved2, reserved3, start, to, ufd)"),
                Arguments.of("read(u) = 32", "a message read is written 'read(u) == {event=..., ...}' (or '= -1 ERRNO')"),
                Arguments.of("read(u) == {ptid=nobody}", "unknown name 'nobody'"),
                Arguments.of("poll(u) = 1", "poll of one descriptor is written 'poll(u) == POLLIN' (or '== 0', '= -1 ERRNO')"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void mistakesNameFileAndLine(String text, String message) {
        assertThatThrownBy(() -> ScenarioParser.parse("t.mms", SETUP + text))
                .isInstanceOf(ScenarioSyntaxException.class)
                .hasMessage("t.mms:3: " + message);
    }
}
