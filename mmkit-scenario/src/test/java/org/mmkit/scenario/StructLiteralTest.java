package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;
import org.mmkit.scenario.ScenarioResult.Status;

/** {@code TYPE{...}} in a store and {@code load(addr, TYPE) == value}: parsing, bytes, transcripts. */
class StructLiteralTest {
    private static final String MMAP = "a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n";

    private static Step only(String text) throws ScenarioSyntaxException {
        return ScenarioParser.parse("t.mms", MMAP + text).steps().getLast();
    }

    private static ScenarioResult run(String text) throws ScenarioSyntaxException {
        return Runner.run(ScenarioParser.parse("t.mms", MMAP + text), new FakeBackend(), false);
    }

    @Test
    void aStoredLiteralHasTheBytesOfItsLayoutAndZeroElsewhere() throws Exception {
        Step.Store s = (Step.Store) only(
                "store(a, uffdio_register{mode=UFFDIO_REGISTER_MODE_MISSING|2, range={start=a+1, len=PAGE}})");
        Step.Struct struct = (Step.Struct) s.data();
        assertThat(struct.type()).isEqualTo(UffdioRegisterLayout.TYPE);
        byte[] bytes = StructCodec.encode(struct.type(), struct.value(), name -> 0x7000);
        assertThat(bytes).containsExactly(
                0x01, 0x70, 0, 0, 0, 0, 0, 0, 0x00, 0x10, 0, 0, 0, 0, 0, 0,
                0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void scalarLiteralsTruncateAsAnAssignment() throws Exception {
        Step.Struct struct = (Step.Struct) ((Step.Store) only("store(a, int{0x100000005})")).data();
        assertThat(StructCodec.encode(struct.type(), struct.value(), name -> 0)).containsExactly(5, 0, 0, 0);
    }

    @Test
    void typedLoadsReadTheTypeSize() throws Exception {
        Step.Load l = (Step.Load) only("load(a, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={address=a}}}");
        assertThat(l.typed().type()).isEqualTo(UffdMsgLayout.TYPE);
        assertThat(l.len().eval(name -> 0)).isEqualTo(32);
        assertThat(l.origin().text()).isEqualTo("load(a, uffd_msg)");
        Step.Load scalar = (Step.Load) only("load(a, loff_t) == 3*PAGE");
        assertThat(scalar.typed().type()).isEqualTo(Scalars.LOFF_T);
        assertThat(((Initializer.Scalar) scalar.typed().expected()).value().eval(name -> 0)).isEqualTo(3 * 4096);
    }

    @Test
    void transcriptsShowEveryStructMemberAndOneUnionMember() throws Exception {
        ScenarioResult r = run("""
                store(a, uffdio_copy{dst=a+PAGE, len=PAGE, copy=-11})
                load(a, uffdio_copy) == {dst=a+PAGE, copy=-11}
                store(a, uffd_msg{event=0x14, arg={remap={from=a, len=2}}})
                load(a, uffd_msg) == {arg={remap={from=a}}}
                store(a, loff_t{-2})
                load(a, loff_t) == -2
                load(a, uffdio_copy) == {len=5}
                """);
        assertThat(r.transcript()).containsExactly(
                MMAP.strip() + " = a",
                "store(a, uffdio_copy{dst=a+PAGE, len=PAGE, copy=-11})",
                "load(a, uffdio_copy) == {dst=a+0x1000, src=0, len=4096, mode=0x0, copy=-11}",
                "store(a, uffd_msg{event=0x14, arg={remap={from=a, len=2}}})",
                "load(a, uffd_msg) == {event=0x14, reserved1=0x0, reserved2=0x0, reserved3=0, arg={remap={from=a, to=0, len=2}}}",
                "store(a, loff_t{-2})",
                "load(a, loff_t) == -2",
                "load(a, uffdio_copy) == {dst=<addr>, src=a, len=0, mode=0x2, copy=-11}",
                "FAIL t.mms:8: expected {len=5}, got {dst=<addr>, src=a, len=0, mode=0x2, copy=-11}");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("store(a, uffdio_range{size=1})", "uffdio_range has no member 'size' (members: start, len)"),
                Arguments.of("store(a, uffdio_range{len=1, len=2})", "member 'len' of uffdio_range is given twice"),
                Arguments.of("store(a, uffdio_register{range=1})", "expected '{' to start a value of uffdio_range, found '1'"),
                Arguments.of("store(a, uffdio_register{mode={1}})", "expected a value, found '{'"),
                Arguments.of("store(a, uffdio_range)", "expected '{' after the type uffdio_range (write uffdio_range{...}), found ')'"),
                Arguments.of("store(a, uffdio_range{len=1)", "expected '}' to close the uffdio_range value, found ')'"),
                Arguments.of("store(a, loff_t{1, 2})", "expected '}' to close the loff_t value, found ','"),
                Arguments.of("load(a, uffdio_range) == 1", "expected '{' to start a value of uffdio_range, found '1'"),
                Arguments.of("loff_t = munmap(a, 1)", "'loff_t' is reserved and cannot name a result, process or thread"),
                Arguments.of("x = store(a, 1, 2)", "only a stored TYPE{...} can be named; 'x = store(...)' stores bytes"),
                Arguments.of("spawn t: x = store(a, int{1})", "a spawned store cannot name what it stores"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void mistakesNameFileAndLine(String text, String message) {
        assertThatThrownBy(() -> ScenarioParser.parse("t.mms", MMAP + text))
                .isInstanceOf(ScenarioSyntaxException.class)
                .hasMessage("t.mms:2: " + message);
    }

    @Test
    void aNamedObjectIsItsAddressAndNamesTheAddressesInIt() throws Exception {
        ScenarioResult r = run("""
                r = store(a+64, uffdio_range{start=a+72, len=1})
                load(r, uffdio_range) == {start=r+8}
                mprotect(r - 64, PAGE, PROT_READ) = 0
                x = store(a+5*PAGE, int{1}) => SIGSEGV
                load(x, int)
                """);
        assertThat(r.transcript()).containsSubsequence(
                "r = store(a+64, uffdio_range{start=a+72, len=1})",
                "load(r, uffdio_range) == {start=r+0x8, len=1}",
                "mprotect(r - 64, PAGE, PROT_READ) = 0",
                "x = store(a+5*PAGE, int{1}) => SIGSEGV SEGV_MAPERR at <addr>",
                "FAIL t.mms:6: 'x' has no value: its call on line 5 failed");
    }

    @Test
    void aSpawnedThreadCanLoadAStruct() throws Exception {
        ScenarioResult r = run("store(a, int{7})\nspawn t: load(a, int) == 7\njoin t\n");
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(r.transcript()).contains("join t: load(a, int) == 7");
    }
}
