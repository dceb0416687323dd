package org.mmkit.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmkit.scenario.Runner;
import org.mmkit.scenario.ScenarioParser;
import org.mmkit.scenario.ScenarioResult;

/**
 * Userfaultfd lines of the scenario language on the real kernel: inline ioctl structs, messages
 * naming their thread, poll, and a handler that never answers. Runs as root (the main process is
 * privileged), like the other kernel backend tests.
 */
class UserfaultfdScenarioTest {
    private static final String HANDSHAKE = """
            requires: uffd
            requires: root
            u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
            ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0
            a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
            """;

    private LinuxBackend backend;

    @BeforeEach
    void start() {
        KernelBackendAssumptions.rootAndExecutor();
        backend = new LinuxBackend();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private ScenarioResult run(String text) throws Exception {
        return Runner.run(ScenarioParser.parse("t.mms", text), backend, false);
    }

    @Test
    void inlineStructsPrintWhatTheKernelWroteBack() throws Exception {
        ScenarioResult r = run(HANDSHAKE + """
                b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
                ioctl(u, UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = 0 {copy=4096}
                ioctl(u, UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = -1 EEXIST {copy=0}
                """);
        assertThat(r.transcript()).contains(
                "ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0"
                        + " {features=0x1ffff, ioctls=0x8000000000000003}",
                "ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0"
                        + " {ioctls=0x13c}",
                "ioctl(u, UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = 0 {copy=4096}");
        assertThat(r.problem()).as("the wrong expectation of the written member is reported")
                .isEqualTo("t.mms:9: expected {copy=0}, got {copy=-17}");
    }

    @Test
    void messagesNameTheFaultingThreadAndPollSeesThem() throws Exception {
        ScenarioResult r = run(HANDSHAKE + """
                poll(u) == 0
                read(u) = -1 EAGAIN
                spawn t1: load(a+PAGE, 1)
                spawn t2: store(a+2*PAGE, 1, 7)
                poll(u) == POLLIN
                read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a+PAGE, ptid=t1}
                read(u) == {event=UFFD_EVENT_PAGEFAULT, ptid=t1}
                ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=4*PAGE}}) = -1 EEXIST {zeropage=-17}
                """);
        assertThat(r.transcript()).contains(
                "read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a+0x1000, ptid=t1}",
                "read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+0x2000, ptid=t2}");
        assertThat(r.problem()).isEqualTo("t.mms:13: expected {event=UFFD_EVENT_PAGEFAULT, ptid=t1}, got"
                + " {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+0x2000, ptid=t2}");
    }

    @Test
    void aHandlerThatNeverAnswersEndsAtTheJoinAndTheBackendGoesOn() throws Exception {
        ScenarioResult r = run(HANDSHAKE + """
                spawn t1: load(a, 1)
                read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
                join t1
                """);
        assertThat(r.status()).isEqualTo(ScenarioResult.Status.FAILED);
        assertThat(r.problem()).isEqualTo("t.mms:9: thread t1 (spawned on line 7) is still blocked at the join");

        ScenarioResult next = run(HANDSHAKE + """
                spawn t1: load(a, 1)
                ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0 {zeropage=4096}
                join t1
                """);
        assertThat(next.problem()).isNull();
        assertThat(next.transcript()).contains("join t1: load(a, 1) == 0x00");
    }
}
