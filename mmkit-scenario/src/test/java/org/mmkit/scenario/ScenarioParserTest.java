package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Syscall;

class ScenarioParserTest {
    private static final String MMAP = "a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n";

    private static Scenario parse(String text) throws ScenarioSyntaxException {
        return ScenarioParser.parse("t.mms", text);
    }

    private static Step only(String text) throws ScenarioSyntaxException {
        return parse(MMAP + text).steps().getLast();
    }

    private static long eval(Expr e) {
        return e.eval(name -> 0x10000);
    }

    @Test
    void systemCallWithNameConstantsAndExpressions() throws Exception {
        Step.Call c = (Step.Call) parse(MMAP).steps().getFirst();
        assertThat(c.bind()).isEqualTo("a");
        assertThat(c.call()).isEqualTo(Syscall.MMAP);
        assertThat(c.args().stream().mapToLong(ScenarioParserTest::eval).toArray()).containsExactly(0, 0x4000, 3, 0x22, -1, 0);
        assertThat(c.expected()).isNull();
        assertThat(c.origin()).isEqualTo(new Step.Origin(1, null, MMAP.strip()));
    }

    @ParameterizedTest
    @EnumSource(Syscall.class)
    void everySyscallOfTheBackendIsCallableByItsLowerCaseName(Syscall call) throws Exception {
        String args = String.join(", ", java.util.Collections.nCopies(call.arity(), "0"));
        Step.Call c = (Step.Call) only(call.name().toLowerCase() + "(" + args + ") = 0");
        assertThat(c.call()).isEqualTo(call);
    }

    @Test
    void expressionsFollowCPrecedence() throws Exception {
        Step.Call c = (Step.Call) only("munmap(a + 2*PAGE - 0x10 | 1, HPAGE)");
        assertThat(eval(c.args().get(0))).isEqualTo((0x10000 + 0x2000 - 0x10) | 1);
        assertThat(eval(c.args().get(1))).isEqualTo(2 << 20);
        c = (Step.Call) only("munmap((a + 1) * 2, -(PAGE))");
        assertThat(eval(c.args().get(0))).isEqualTo(0x20002);
        assertThat(eval(c.args().get(1))).isEqualTo(-4096);
        c = (Step.Call) only("munmap(a + HPAGE - 1 & ~(HPAGE - 1) | 1, 0x30 & 0x11 | 0x100)");
        assertThat(eval(c.args().get(0))).as("& binds tighter than |, looser than +").isEqualTo((2L << 20) | 1);
        assertThat(eval(c.args().get(1))).isEqualTo(0x110);
    }

    @Test
    void everyUapiPrefixIsAConstant() throws Exception {
        Step.Call c = (Step.Call) only("madvise(a, PAGE, MADV_GUARD_INSTALL)");
        assertThat(eval(c.args().get(2))).isEqualTo(102);
        c = (Step.Call) only("mremap(a, PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)");
        assertThat(eval(c.args().get(3))).isEqualTo(5);
        c = (Step.Call) only("mlock2(a, PAGE, MLOCK_ONFAULT)");
        assertThat(eval(c.args().get(2))).isEqualTo(1);
        c = (Step.Call) only("fallocate(3, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, PAGE)");
        assertThat(eval(c.args().get(1))).isEqualTo(3);
    }

    @Test
    void returnExpectations() throws Exception {
        Step.Call c = (Step.Call) only("mprotect(a, PAGE, 0x100) = -1 EINVAL  # unknown prot bit");
        assertThat(c.expected()).isEqualTo(new Step.ReturnsError(22));
        assertThat(c.origin().text()).isEqualTo("mprotect(a, PAGE, 0x100)");
        c = (Step.Call) only("b = mremap(a, PAGE, PAGE, 0, 0) = a");
        assertThat(eval(((Step.ReturnsValue) c.expected()).value())).isEqualTo(0x10000);
    }

    @Test
    void memfdAndFileCalls() throws Exception {
        Scenario s = parse("fd = memfd_create(\"x y\", MFD_CLOEXEC) = 3\nftruncate(fd, PAGE) = 0\n"
                + "b = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)\nclose(fd)\n");
        Step.Call m = (Step.Call) s.steps().getFirst();
        assertThat(m.call()).isEqualTo(Syscall.MEMFD_CREATE);
        assertThat(m.args().getFirst()).isInstanceOf(Expr.CString.class);
        assertThat(m.bind()).isEqualTo("fd");
        assertThat(((Step.Call) s.steps().get(3)).call()).isEqualTo(Syscall.CLOSE);
    }

    @Test
    void mincore() throws Exception {
        Step.Mincore m = (Step.Mincore) only("mincore(a, 4*PAGE) == 1 0 1*2");
        assertThat(m.expected()).hasSize(3);
        assertThat(eval(m.expected().get(2).count())).isEqualTo(2);
        m = (Step.Mincore) only("mincore(a+1, PAGE) = -1 EINVAL");
        assertThat(m.expectedErrno()).isEqualTo(22);
        assertThat(((Step.Mincore) only("mincore(a, PAGE)")).expected()).isNull();
    }

    @Test
    void memoryAccesses() throws Exception {
        Step.Fill fill = (Step.Fill) ((Step.Store) only("store(a, 4*PAGE, 0xab)")).data();
        assertThat(eval(fill.length())).isEqualTo(0x4000);
        assertThat(eval(fill.value())).isEqualTo(0xab);
        Step.Bytes text = (Step.Bytes) ((Step.Store) only("store(a+1, \"hi\\n\\x01\\0\")")).data();
        assertThat(text.bytes()).containsExactly('h', 'i', '\n', 1, 0);
        Step.Load load = (Step.Load) only("load(a, 4) == 0x11 0x22 \"3\" 0*1");
        assertThat(load.expected()).hasSize(4);
        assertThat(eval(load.expected().get(2).value())).isEqualTo('3');
        Step.Load segv = (Step.Load) only("load(a, 1) => SIGSEGV SEGV_ACCERR at a");
        assertThat(segv.signal().signal()).isEqualTo(11);
        assertThat(segv.signal().code()).isEqualTo(2);
        assertThat(segv.origin().text()).isEqualTo("load(a, 1)");
        Step.Store bus = (Step.Store) only("store(a+PAGE, 1, 0) => SIGBUS");
        assertThat(bus.signal()).isEqualTo(new Step.Signalled(7, null, null));
    }

    @Test
    void pagemapAndPfn() throws Exception {
        Step.Pagemap p = (Step.Pagemap) only("pagemap(a, 4) == present|exclusive@P1, none*2, swapped|uffd_wp@0");
        assertThat(p.expected()).containsExactly(
                new Step.PageSpec(PagemapFlag.PRESENT.mask() | PagemapFlag.EXCLUSIVE.mask(), "P1", null),
                p.expected().get(1),
                new Step.PageSpec(PagemapFlag.SWAPPED.mask() | PagemapFlag.UFFD_WP.mask(), "0", null));
        assertThat(p.expected().get(1).flags()).isZero();
        Scenario s = parse(MMAP + "fork() => child\npfn(a) != pfn(child, a+PAGE)\nin child: pfn(main, a) == pfn(a)");
        Step.PfnCompare c = (Step.PfnCompare) s.steps().get(2);
        assertThat(c.same()).isFalse();
        assertThat(c.left().process()).isNull();
        assertThat(c.right().process()).isEqualTo("child");
        Step.PfnCompare inChild = (Step.PfnCompare) s.steps().get(3);
        assertThat(inChild.origin().process()).isEqualTo("child");
        assertThat(inChild.left().process()).isEqualTo("main");
    }

    @Test
    void mapsForms() throws Exception {
        assertThat(only("maps")).isInstanceOf(Step.Maps.class);
        Step.MapsAt full = (Step.MapsAt) only("maps(a+PAGE) == a..a+4*PAGE r--p \"/memfd:x (deleted)\"");
        assertThat(eval(full.end())).isEqualTo(0x14000);
        assertThat(full.perms()).isEqualTo("r--p");
        assertThat(full.path()).isEqualTo("/memfd:x (deleted)");
        Step.MapsAt noAccess = (Step.MapsAt) only("maps(a) == a..a+PAGE ---p");
        assertThat(eval(noAccess.end())).isEqualTo(0x11000);
        assertThat(noAccess.perms()).isEqualTo("---p");
        Step.MapsAt permsOnly = (Step.MapsAt) only("maps(a) == ---s");
        assertThat(permsOnly.start()).isNull();
        assertThat(permsOnly.perms()).isEqualTo("---s");
        assertThat(((Step.MapsAt) only("maps(a)")).perms()).isNull();
        assertThat(((Step.MapsAt) only("maps(a) == none")).perms()).isEqualTo(Step.MapsAt.UNMAPPED);
        assertThat(eval(((Step.Vmas) only("vmas(a, 4*PAGE) == 3")).expected())).isEqualTo(3);
    }

    @Test
    void smapsForms() throws Exception {
        Step.VmFlags has = (Step.VmFlags) only("vmflags(a) has lo mr");
        assertThat(has.test()).isEqualTo(Step.FlagTest.HAS);
        assertThat(has.flags()).containsExactly("lo", "mr");
        assertThat(((Step.VmFlags) only("vmflags(a) lacks lo")).test()).isEqualTo(Step.FlagTest.LACKS);
        assertThat(((Step.VmFlags) only("vmflags(a) == rd wr")).test()).isEqualTo(Step.FlagTest.EQUALS);
        Step.SmapsField f = (Step.SmapsField) only("smaps(a).Rss == 16 kB");
        assertThat(f.field()).isEqualTo("Rss");
        assertThat(eval(f.expectedKb())).isEqualTo(16);
        assertThat(f.origin().text()).isEqualTo("smaps(a).Rss");
    }

    @Test
    void procCounterForms() throws Exception {
        Step.ProcCounter status = (Step.ProcCounter) only("status.VmRSS == 16 kB");
        assertThat(status.file()).isEqualTo(ProcFile.STATUS);
        assertThat(status.field()).isEqualTo("VmRSS");
        assertThat(eval(status.expected())).isEqualTo(16);
        assertThat(status.origin().text()).isEqualTo("status.VmRSS");
        Step.ProcCounter statm = (Step.ProcCounter) only("statm.resident == 4");
        assertThat(statm.file()).isEqualTo(ProcFile.STATM);
        assertThat(((Step.ProcCounter) only("smaps_rollup.Pss_Anon")).expected()).isNull();
        assertThatThrownBy(() -> parse("statm.rss\n")).hasMessage(
                "t.mms:1: unknown field 'rss' of statm (fields: size resident shared text lib data dt)");
        assertThatThrownBy(() -> parse("statm.size == 4 kB\n")).isInstanceOf(ScenarioSyntaxException.class);
        assertThatThrownBy(() -> parse("status = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n"))
                .isInstanceOf(ScenarioSyntaxException.class);
        assertThatThrownBy(() -> parse("status(a)\n")).hasMessageStartingWith("t.mms:1: expected '.' after 'status'");
    }

    @Test
    void pidOfAProcessIsAnExpression() throws Exception {
        Scenario s = parse("fork() => child\nfd = pidfd_open(pid(child), 0)\nin child: pidfd_open(pid(main) + 1, 0)\n");
        Step.Call open = (Step.Call) s.steps().get(1);
        assertThat(open.args().getFirst()).isEqualTo(new Expr.ProcessId("child"));
        assertThat(open.args().getFirst().eval(name -> name.equals("pid(child)") ? 42 : 0)).isEqualTo(42);
        assertThatThrownBy(() -> parse("pidfd_open(pid(nobody), 0)\n")).hasMessage("t.mms:1: unknown process 'nobody'");
    }

    @Test
    void processes() throws Exception {
        Scenario s = parse("requires: root\nprocess p2 unprivileged\nprocess p3\nfork() => child\nin child: fork() => grandchild\n"
                + "in grandchild: exit()\nexit(child)\n");
        assertThat(s.steps().get(0)).isEqualTo(new Step.StartProcess(new Step.Origin(2, null, "process p2 unprivileged"), "p2", false));
        assertThat(((Step.StartProcess) s.steps().get(1)).privileged()).isTrue();
        assertThat(((Step.Fork) s.steps().get(3)).origin()).isEqualTo(new Step.Origin(5, "child", "fork() => grandchild"));
        assertThat(((Step.Exit) s.steps().get(4)).target()).isNull();
        assertThat(((Step.Exit) s.steps().get(5)).target()).isEqualTo("child");
    }

    @Test
    void processesArePrivilegedOnlyWhenTheScenarioRequiresRoot() throws Exception {
        Scenario plain = parse("process p\nprocess q unprivileged\n");
        assertThat(plain.requiresRoot()).isFalse();
        assertThat(plain.steps()).extracting(st -> ((Step.StartProcess) st).privileged()).containsExactly(false, false);
        Scenario root = parse("requires: root\nprocess p\nprocess q unprivileged\nprocess r privileged\n");
        assertThat(root.requiresRoot()).isTrue();
        assertThat(root.steps()).extracting(st -> ((Step.StartProcess) st).privileged()).containsExactly(true, false, true);
    }

    @Test
    void nestingIsBoundedWithAClearErrorForEveryDeepShape() throws Exception {
        int max = ScenarioParser.MAX_NESTING;
        Step.Call ok = (Step.Call) only("munmap(a, " + "(".repeat(max) + "PAGE" + ")".repeat(max) + ")");
        assertThat(eval(ok.args().get(1))).isEqualTo(4096);
        Step.Call unary = (Step.Call) only("munmap(a, " + "-".repeat(max) + "PAGE)");
        assertThat(eval(unary.args().get(1))).isEqualTo(4096);
        String tooDeep = "t.mms:2: expression nested too deeply (more than " + max
                + " levels of parentheses and unary operators)";
        for (int depth : new int[] {max + 1, 500, 100_000}) {
            assertThatThrownBy(() -> parse(MMAP + "munmap(a, " + "(".repeat(depth) + "PAGE" + ")".repeat(depth) + ")"))
                    .as("%d parentheses", depth).hasMessage(tooDeep);
        }
        assertThatThrownBy(() -> parse(MMAP + "munmap(a, " + "-".repeat(200_000) + "PAGE)")).hasMessage(tooDeep);
        assertThatThrownBy(() -> parse(MMAP + "munmap(a, " + "~-".repeat(max) + "PAGE)")).hasMessage(tooDeep);
    }

    @Test
    void longFlatChainsParseAndEvaluateWithoutDeepRecursion() throws Exception {
        for (int terms : new int[] {10_000, 1_000_000}) {
            Step.Call sum = (Step.Call) only("munmap(a, a" + "+1".repeat(terms) + ")");
            assertThat(eval(sum.args().get(1))).as("%d terms", terms).isEqualTo(0x10000 + terms);
            Step.Call product = (Step.Call) only("munmap(a, 1" + "*1".repeat(terms) + "|a&a)");
            assertThat(eval(product.args().get(1))).isEqualTo(0x10001);
        }
    }

    @Test
    void bytesMustBeUtf8AndAByteOrderMarkIsSkipped() throws Exception {
        byte[] bom = "\uFEFFmunmap(0, PAGE)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bom[0]).isEqualTo((byte) 0xef);
        assertThat(ScenarioParser.parse("t.mms", bom).steps().getFirst().origin().text()).isEqualTo("munmap(0, PAGE)");
        assertThat(parse("\uFEFF# story\n").steps().getFirst().origin().text()).isEqualTo("# story");
        byte[] bad = "# one\nmunmap(0, 1)\n# \u00e9 then \u0000 \u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ScenarioParser.parse("t.mms", bad)).isInstanceOf(ScenarioSyntaxException.class)
                .hasMessage("t.mms:3: invalid UTF-8: byte 0xe9 at byte offset 21 of the file (a scenario is UTF-8 text)");
        byte[] truncated = {'#', ' ', (byte) 0xc3};
        assertThatThrownBy(() -> ScenarioParser.parse("t.mms", truncated))
                .hasMessage("t.mms:1: invalid UTF-8: byte 0xc3 at byte offset 2 of the file (a scenario is UTF-8 text)");
    }

    @Test
    void sigkillIsAnExpectationWithoutCodeOrAddress() throws Exception {
        Step.Store s = (Step.Store) only("store(a, 4*PAGE, 1) => SIGKILL  # the OOM killer");
        assertThat(s.signal()).isEqualTo(new Step.Signalled(9, null, null));
        assertThat(s.origin().text()).isEqualTo("store(a, 4*PAGE, 1)");
    }

    @Test
    void directivesAndComments() throws Exception {
        Scenario s = parse("# from guard-regions.c\nrequires: root, uffd, swap, hugetlb, soft-dirty, zero-page, no-zero-page, thp, oom, kernel >= 6.17\n"
                + "divergence: the model has no THP yet\n\n  # indented\n");
        assertThat(s.requirements()).extracting(Requirement::kind).containsExactly(Requirement.Kind.ROOT,
                Requirement.Kind.UFFD, Requirement.Kind.SWAP, Requirement.Kind.HUGETLB, Requirement.Kind.SOFT_DIRTY,
                Requirement.Kind.ZERO_PAGE, Requirement.Kind.NO_ZERO_PAGE, Requirement.Kind.THP, Requirement.Kind.OOM, Requirement.Kind.KERNEL);
        assertThat(s.requirements().getLast().argument()).isEqualTo("6.17");
        assertThat(s.divergence()).isEqualTo("the model has no THP yet");
        assertThat(s.steps()).extracting(st -> st.origin().text()).containsExactly("# from guard-regions.c", "# indented");
    }

    @Test
    void hashInsideStringIsNotAComment() throws Exception {
        Step.Bytes s = (Step.Bytes) ((Step.Store) only("store(a, \"#1\")  # a comment")).data();
        assertThat(s.bytes()).containsExactly('#', '1');
    }

    @Test
    void spawnRunsASystemCallButNoProcessStepAndNamesNoResult() throws Exception {
        Scenario s = parse(MMAP + "spawn t1: read(3, a, PAGE) = -1 EFAULT\njoin t1\n");
        Step.Spawn spawn = (Step.Spawn) s.steps().get(1);
        assertThat(spawn.step()).isInstanceOf(Step.Call.class);
        assertThat(s.steps().get(2).origin().text()).isEqualTo("join t1: read(3, a, PAGE)");
        assertThatThrownBy(() -> parse(MMAP + "spawn t1: fork() => child\n"))
                .hasMessage("t.mms:2: a spawned thread runs one load, store or system call, not 'fork() => child'");
        assertThatThrownBy(() -> parse(MMAP + "spawn t1: n = read(3, a, PAGE)\n"))
                .hasMessageContaining("a spawned call cannot name its result");
    }

    @Test
    void spawnRunsAnAccessThatJoinReadsAs() throws Exception {
        Scenario s = parse(MMAP + "fork() => child\nin child: spawn t1: store(a, 1, 0xcd) => SIGSEGV\njoin t1  # now\n");
        Step.Spawn spawn = (Step.Spawn) s.steps().get(2);
        Step.Join join = (Step.Join) s.steps().get(3);
        assertThat(spawn.origin()).isEqualTo(new Step.Origin(3, "child", "spawn t1: store(a, 1, 0xcd)"));
        assertThat(spawn.step()).isInstanceOf(Step.Store.class);
        assertThat(((Step.Store) spawn.step()).signal().signal()).isEqualTo(11);
        assertThat(join.origin()).isEqualTo(new Step.Origin(4, "child", "join t1: store(a, 1, 0xcd)"));
        assertThat(join.step()).isSameAs(spawn.step());
    }

    @Test
    void threadsNotJoinedAreJoinedAtTheEndInSpawnOrder() throws Exception {
        Scenario s = parse(MMAP + "spawn t2: load(a, 1)\nspawn t1: load(a, 2)\nmaps\n");
        assertThat(s.steps()).extracting(st -> st.origin().text()).endsWith("maps", "join t2: load(a, 1)", "join t1: load(a, 2)");
        assertThat(s.steps().getLast().origin().line()).isEqualTo(3);
    }

    @Test
    void threadsNotJoinedAreJoinedBeforeTheirProcessExits() throws Exception {
        Scenario s = parse(MMAP + "fork() => child\nin child: spawn t1: load(a, 1)\nspawn t2: load(a, 2)\nin child: exit()\n");
        assertThat(s.steps()).extracting(st -> st.origin().text())
                .endsWith("join t1: load(a, 1)", "exit()", "join t2: load(a, 2)");
        Step.Join atExit = (Step.Join) s.steps().get(4);
        assertThat(atExit.when()).isEqualTo(Step.Join.When.PROCESS_EXIT);
        assertThat(atExit.origin().line()).isEqualTo(3);
        assertThat(((Step.Join) s.steps().getLast()).when()).isEqualTo(Step.Join.When.SCENARIO_END);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("divergence: x\ndivergence: y", 2, "divergence: given twice"),
                Arguments.of("divergence:", 1, "divergence: needs a reason"),
                Arguments.of("requires: kernel 6.1", 1, "expected 'kernel >= MAJOR.MINOR' in requires:"),
                Arguments.of("requires: kernel >= six", 1, "bad kernel version 'six' in requires: (expected MAJOR.MINOR)"),
                Arguments.of("requires: root, ksm", 1,
                        "unknown requirement 'ksm' (known: root, uffd, uffd-events, swap, hugetlb, soft-dirty, no-soft-dirty, zero-page, no-zero-page, thp, oom, memcg, anon-vma-name, no-anon-vma-name, kernel >= X.Y)"),
                Arguments.of("in other: maps", 1, "unknown process 'other'"),
                Arguments.of("in main maps", 1, "expected ':' after 'in main', found 'maps'"),
                Arguments.of("process p2 root", 1, "expected 'privileged' or 'unprivileged', found 'root'"),
                Arguments.of("process p2 unprivileged now", 1, "unexpected 'now' at end of line"),
                Arguments.of("process PAGE", 1, "'PAGE' is reserved and cannot name a result, process or thread"),
                Arguments.of("42", 1, "expected a call, found '42'"),
                Arguments.of("join t1", 1, "unknown thread 't1'"),
                Arguments.of(MMAP + "spawn t1: load(a, 1)\njoin t1\njoin t1", 4, "thread 't1' was already joined on line 3"),
                Arguments.of(MMAP + "spawn t1: load(a, 1)\nexit()\njoin t1", 4, "thread 't1' was already joined on line 3"),
                Arguments.of(MMAP + "spawn t1: load(a, 1)\nspawn t1: load(a, 1)", 3, "'t1' is already defined"),
                Arguments.of(MMAP + "spawn a: load(a, 1)", 2, "'a' is already defined"),
                Arguments.of(MMAP + "spawn t1: pagemap(a, 1)", 2, "a spawned thread runs one load, store or system call, not 'pagemap(a, 1)'"),
                Arguments.of("spawn t1:", 1, "expected a load, store or system call after 'spawn t1:'"),
                Arguments.of("spawn t1 load(0, 1)", 1, "expected ':' after 'spawn t1', found 'load'"),
                Arguments.of("spawn t1: load(0, 1)\nin main: join t1", 2,
                        "join takes no 'in PROCESS:'; the thread belongs to the process that spawned it"),
                Arguments.of("b = 42", 1, "expected a call after 'b =', found '42'"),
                Arguments.of("frobnicate(1)", 1, "unknown call 'frobnicate'"),
                Arguments.of("swapoff(1)", 1, "expected ')' after 'swapoff(' (it takes no arguments: it acts on the swap area "
                        + "lent for 'requires: swap'), found '1'"),
                Arguments.of("reclaim()", 1, "reclaim() needs 'requires: memcg' (before the first step): the kernel backend "
                        + "reclaims through a memory cgroup its processes start in"),
                Arguments.of("requires: memcg\nreclaim(4)", 2, "expected ')' after 'reclaim(' (it takes no arguments: "
                        + "everything reclaimable of the scenario's processes goes), found '4'"),
                Arguments.of("munmap 1", 1, "expected '(' after 'munmap', found '1'"),
                Arguments.of("c = fork()", 1, "name the child with 'fork() => c'"),
                Arguments.of(MMAP + "x = load(a, 1)", 2, "only system calls give a result to name; 'load' does not"),
                Arguments.of("munmap(0)", 1, "munmap takes 2 arguments, found 1"),
                Arguments.of("munmap(0, 1", 1, "expected ')' after the arguments of munmap, found end of line"),
                Arguments.of("munmap(0, 1) junk", 1, "unexpected 'junk' at end of line"),
                Arguments.of("memfd_create(\"x\")", 1, "memfd_create takes 2 arguments, found 1"),
                Arguments.of("mincore(0, 1) = 1", 1, "mincore results are written '== 1 0 1' (or '= -1 ERRNO')"),
                Arguments.of("fork()", 1, "expected '=>' after 'fork()' (write 'fork() => child'), found end of line"),
                Arguments.of("exit(nobody)", 1, "unknown process 'nobody'"),
                Arguments.of("store(0, 1)", 1,
                        "expected ',' after the length of store (write store(addr, len, byte) or store(addr, \"text\")), found ')'"),
                Arguments.of("pfn(0) < pfn(1)", 1, "unexpected character '<'"),
                Arguments.of("pfn(0) = pfn(1)", 1, "expected '==' or '!=' after pfn(...), found '='"),
                Arguments.of("pfn(0) == load(1)", 1, "expected pfn(...) on the right of the comparison"),
                Arguments.of("maps(0) == 0..4096", 1, "expected permissions such as rw-p after the range, found end of line"),
                Arguments.of("maps(0) == 0 rw-p", 1, "expected '..' between the start and end of the expected VMA, found 'rw'"),
                Arguments.of("vmflags(0) has", 1, "expected two-letter VmFlags such as 'lo' after 'has'"),
                Arguments.of("smaps(0) Rss", 1, "expected '.' after smaps(addr) (write smaps(addr).Rss), found 'Rss'"),
                Arguments.of("munmap(0, 1) = -1", 1, "expected an errno name after '-1' (such as EINVAL), found end of line"),
                Arguments.of("munmap(0, 1) = -1 EWHAT", 1, "unknown errno 'EWHAT'"),
                Arguments.of("load(0, 1) => SIGSTOP", 1, "unknown signal 'SIGSTOP' (expected SIGKILL, SIGBUS, SIGSEGV)"),
                Arguments.of("load(0, 1) => SIGKILL SEGV_MAPERR", 1,
                        "SIGKILL takes no si_code or address: the killed process sees no siginfo"),
                Arguments.of("store(0, 1, 1) => SIGKILL at 0", 1,
                        "SIGKILL takes no si_code or address: the killed process sees no siginfo"),
                Arguments.of("vmflags(0) has lo zz", 1, "unknown VmFlags code 'zz' (known: " + String.join(" ", VmFlagNames.KNOWN) + ")"),
                Arguments.of("in main: in main: load(0, 1)", 1,
                        "a line runs in one process: 'in main:' cannot be followed by another 'in PROCESS:'"),
                Arguments.of("process p privileged", 1, "a privileged process needs 'requires: root' (before the first step)"),
                Arguments.of("# first\nmunmap(0, PAGE)\nrequires: root", 3, "requires: must come before the first step"),
                Arguments.of("munmap(0, \u0000)", 1, "unexpected character '\\0' (NUL)"),
                Arguments.of("munmap(0, \u0007)", 1, "unexpected character '\\x07' (a control character)"),
                Arguments.of("munmap(0, \uFEFF1)", 1, "unexpected character U+FEFF"),
                Arguments.of("munmap(0, \u00a71)", 1, "unexpected character '\u00a7' (U+00A7)"),
                Arguments.of("load(0, 1) => SIGBUS SEGV_MAPERR", 1, "unknown si_code 'SEGV_MAPERR' for SIGBUS"),
                Arguments.of("load(0, 1) ==", 1, "expected values after '=='"),
                Arguments.of("pagemap(0, 1) == present@Q1", 1, "expected a frame label such as P1, S1 or 0 after '@', found 'Q1'"),
                Arguments.of("pagemap(0, 1) == present|dirty", 1,
                        "unknown pagemap flag 'dirty' (known: present swapped file guard uffd_wp exclusive soft_dirty, or none)"),
                Arguments.of("fork() => c\nmunmap(c, 1)", 2, "'c' is a process, not a value"),
                Arguments.of("munmap(b, 1)", 1, "unknown name 'b'"),
                Arguments.of("munmap(MAP_WHATEVER, 1)", 1, "unknown name 'MAP_WHATEVER'"),
                Arguments.of("munmap(, 1)", 1, "expected a value, found ','"),
                Arguments.of(MMAP + MMAP, 2, "'a' is already defined"),
                Arguments.of("munmap(0x, 1)", 1, "bad number '0x'"),
                Arguments.of("munmap(12abc, 1)", 1, "bad number '12abc'"),
                Arguments.of("store(0, \"abc)", 1, "unterminated string"),
                Arguments.of("store(0, \"\\q\")", 1, "unknown escape '\\q'"),
                Arguments.of("store(0, \"\\x4\")", 1, "\\x needs two hex digits"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorsNameFileAndLine(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ScenarioSyntaxException.class)
                .hasMessage("t.mms:" + line + ": " + message);
    }

    @Test
    void lineNumbersCountCommentsAndBlankLines() {
        assertThatThrownBy(() -> parse("# one\n\nrequires: root\nmunmap(b, 1)\n"))
                .hasMessage("t.mms:4: unknown name 'b'");
    }

    @Test
    void parsedStepsKeepSourceOrder() throws Exception {
        List<Step> steps = parse(MMAP + "store(a, 1, 1)\nload(a, 1) == 1\n").steps();
        assertThat(steps).extracting(s -> s.origin().line()).containsExactly(1, 2, 3);
    }

    @Test
    void pathsOnlyTheKernelCouldFollowAreRefusedWithTheirLine() throws Exception {
        assertThatThrownBy(() -> parse("\nopen(\"../x\", O_RDONLY, 0)\n")).hasMessage(
                "t.mms:2: path '../x' leaves the scenario's directory, which is not modelled");
        assertThatThrownBy(() -> parse("unlinkat(AT_FDCWD, \"./..\", 0)\n")).isInstanceOf(ScenarioSyntaxException.class);
        assertThatThrownBy(() -> parse("creat(\"/etc/passwd\", 0600)\n"))
                .hasMessageStartingWith("t.mms:1: absolute path '/etc/passwd' is not modelled");
        assertThatThrownBy(() -> parse("open(\"/proc/self\", O_RDONLY, 0)\n")).isInstanceOf(ScenarioSyntaxException.class);
        assertThatThrownBy(() -> parse("open(\"/proc/self/fd/../mem\", O_RDONLY, 0)\n")).isInstanceOf(ScenarioSyntaxException.class);
        // a ".." after a name stops at that name on both backends; /proc files are modelled
        parse("open(\"f/../g\", O_RDONLY, 0)\nopen(\"/proc/self/fd/3\", O_RDONLY, 0)\nopen(\"/proc/1/mem\", O_RDONLY, 0)\n");
        // a path built with a pid is checked with the pid's place filled
        assertThatThrownBy(() -> parse("fork() => child\nopen(\"/proc/\" + pid(child), O_RDONLY, 0)\n"))
                .hasMessageStartingWith("t.mms:2: absolute path '/proc/1' is not modelled");
    }

    @Test
    void stringsJoinLiteralsAndDecimalNumbers() throws Exception {
        Scenario s = parse("fork() => child\n"
                + "pm = open(\"/proc/\" + pid(child) + \"/page\" + \"map\", O_RDONLY, 0) = 3\n"
                + "open(\"f\" + (2*3) + -1 + \"\", O_RDONLY, 0)\n");
        Step.Call open = (Step.Call) s.steps().get(1);
        Expr.CString path = (Expr.CString) open.args().getFirst();
        assertThat(path.numbers()).containsExactly(new Expr.ProcessId("child"));
        assertThat(new String(path.bytes(name -> name.equals("pid(child)") ? 4321 : 0)))
                .isEqualTo("/proc/4321/pagemap");
        assertThat(open.origin().text()).isEqualTo("pm = open(\"/proc/\" + pid(child) + \"/page\" + \"map\", O_RDONLY, 0)");
        Expr.CString name = (Expr.CString) ((Step.Call) s.steps().get(2)).args().getFirst();
        assertThat(new String(name.bytes(n -> 0))).isEqualTo("f6-1");
        assertThat(name.maxLength()).isEqualTo(1 + 2 * Expr.CString.MAX_NUMBER_BYTES);
        assertThatThrownBy(() -> parse("open(\"/proc/\" + , O_RDONLY, 0)\n")).isInstanceOf(ScenarioSyntaxException.class);
        assertThatThrownBy(() -> parse("open(\"/proc/\" + nope, O_RDONLY, 0)\n")).hasMessage("t.mms:1: unknown name 'nope'");
    }

    @Test
    void pagemapThroughADescriptor() throws Exception {
        Step.Pagemap own = (Step.Pagemap) only("pagemap(a, 2)");
        assertThat(own.fd()).isNull();
        Step.Pagemap through = (Step.Pagemap) only("pagemap(3, a+PAGE, 2) == present@0, none");
        assertThat(eval(through.fd())).isEqualTo(3);
        assertThat(eval(through.addr())).isEqualTo(0x11000);
        assertThat(eval(through.pages())).isEqualTo(2);
        assertThat(through.expected()).hasSize(2);
        assertThat(through.origin().text()).isEqualTo("pagemap(3, a+PAGE, 2)");
    }
}
