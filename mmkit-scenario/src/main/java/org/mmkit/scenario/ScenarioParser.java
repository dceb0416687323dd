package org.mmkit.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.mmkit.backend.KernelVersion;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Syscall;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.AbiTypes;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.CType;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.scenario.Lexer.Kind;
import org.mmkit.scenario.Lexer.LexException;
import org.mmkit.scenario.Lexer.Token;
import org.mmkit.scenario.Step.Origin;

/**
 * Reads {@code .mms} text into a {@link Scenario}. Line oriented: each line is a comment, a
 * directive ({@code requires:}, {@code divergence:}, {@code process}) or one step, optionally
 * prefixed by {@code in PROCESS:}; {@code repeat} blocks are unrolled first ({@link RepeatBlocks}). Names are checked here, so a scenario that parses refers only
 * to constants, earlier results and declared processes. The grammar is in docs/scenario-language.md.
 */
public final class ScenarioParser {
    /** The process that runs lines without {@code in NAME:}. */
    public static final String MAIN = "main";

    /** Words of the language that cannot name a result or a process (system call names neither). */
    private static final Set<String> RESERVED = Set.of(
            "mincore", "fork", "exit", "load", "store", "pagemap", "pfn", "maps", "vmas",
            "vmflags", "smaps", "process", "in", "at", "has", "lacks", "kB", "none", "privileged", "unprivileged",
            "spawn", "join", "repeat", "status", "statm", "smaps_rollup", "swapoff", "swapon", "reclaim");

    /**
     * The most parentheses and unary operators an expression may nest: parsing and evaluating
     * recurse once per level, so a bound keeps a hostile line from overflowing the stack.
     */
    static final int MAX_NESTING = 100;

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final String file;
    private final Set<String> values = new HashSet<>();
    private final Set<String> processes = new HashSet<>(Set.of(MAIN));
    private final Set<String> threads = new HashSet<>();
    /** The index names of repeat blocks ({@link RepeatBlocks}), which name nothing else. */
    private final Set<String> indexNames = new HashSet<>();
    /** Spawned threads not joined yet, in spawn order: joined at the end of the scenario. */
    private final SequencedMap<String, Step.Spawn> unjoined = new LinkedHashMap<>();
    /** The line that joined each joined thread. */
    private final Map<String, Integer> joinedOn = new HashMap<>();
    private int line;
    private Lexer lexer;
    /** Whether a {@code requires: root} was read: then processes start privileged unless told otherwise. */
    private boolean rootRequired;
    /** Whether a {@code requires: memcg} was read: {@code reclaim()} needs the group it gives. */
    private boolean memcgRequired;
    /** Parentheses and unary operators open in the expression being read; at most {@link #MAX_NESTING}. */
    private int nesting;

    private ScenarioParser(String file) {
        this.file = file;
    }

    /** Parses a whole scenario; {@code file} names it in error messages. */
    public static Scenario parse(String file, String text) throws ScenarioSyntaxException {
        return new ScenarioParser(file).parseAll(text);
    }

    /** Parses the bytes of a scenario file, which must be UTF-8 (invalid bytes are reported with their offset). */
    public static Scenario parse(String file, byte[] utf8) throws ScenarioSyntaxException {
        return parse(file, ScenarioText.decode(file, utf8));
    }

    private Scenario parseAll(String text) throws ScenarioSyntaxException {
        List<Requirement> requirements = new ArrayList<>();
        String divergence = null;
        List<Step> steps = new ArrayList<>();
        // editors may start UTF-8 files with a byte-order mark; it is not part of the first line
        String[] lines = (text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text).split("\r?\n", -1);
        for (RepeatBlocks.Line source : RepeatBlocks.unroll(file, lines, indexNames)) {
            line = source.number();
            String raw = source.text().strip();
            String code = withoutComment(raw).strip();
            if (code.isEmpty()) {
                if (raw.startsWith("#")) {
                    steps.add(new Step.Comment(new Origin(line, null, raw)));
                }
            } else if (code.startsWith("requires:")) {
                // what the scenario requires decides how its processes start, so it comes first
                if (steps.stream().anyMatch(st -> !(st instanceof Step.Comment))) {
                    throw error("requires: must come before the first step");
                }
                requirements.addAll(requirements(code.substring("requires:".length())));
                rootRequired = Scenario.includesRoot(requirements);
                memcgRequired = requirements.stream().anyMatch(r -> r.kind() == Requirement.Kind.MEMCG);
            } else if (code.startsWith("divergence:")) {
                if (divergence != null) {
                    throw error("divergence: given twice");
                }
                divergence = code.substring("divergence:".length()).strip();
                if (divergence.isEmpty()) {
                    throw error("divergence: needs a reason");
                }
            } else {
                Step step = statement(code);
                if (step instanceof Step.Exit exit) {
                    joinThreadsOf(exit.target() != null ? exit.target() : exit.origin().process(), steps);
                }
                steps.add(step);
            }
        }
        for (Step.Spawn spawn : unjoined.sequencedValues()) {
            steps.add(joinOf(spawn, spawn.origin().line(), Step.Join.When.SCENARIO_END));
        }
        return new Scenario(file, requirements, divergence, steps);
    }

    // ---- directives ----

    private List<Requirement> requirements(String list) throws ScenarioSyntaxException {
        List<Requirement> result = new ArrayList<>();
        for (String item : list.split(",")) {
            String word = item.strip();
            if (word.startsWith("kernel")) {
                String version = word.substring("kernel".length()).strip();
                if (!version.startsWith(">=")) {
                    throw error("expected 'kernel >= MAJOR.MINOR' in requires:");
                }
                version = version.substring(2).strip();
                try {
                    KernelVersion.parse(version);
                } catch (IllegalArgumentException e) {
                    throw error("bad kernel version '" + version + "' in requires: (expected MAJOR.MINOR)");
                }
                result.add(new Requirement(Requirement.Kind.KERNEL, version));
                continue;
            }
            List<Requirement.Kind> bare = Arrays.stream(Requirement.Kind.values())
                    .filter(k -> k != Requirement.Kind.KERNEL).toList();
            Requirement.Kind kind = bare.stream().filter(k -> k.scenarioName().equals(word)).findFirst()
                    .orElseThrow(() -> error("unknown requirement '" + word + "' (known: "
                            + bare.stream().map(Requirement.Kind::scenarioName).collect(Collectors.joining(", "))
                            + ", kernel >= X.Y)"));
            result.add(new Requirement(kind, null));
        }
        return result;
    }

    // ---- statements ----

    private Step statement(String code) throws ScenarioSyntaxException {
        lexer = new Lexer(code);
        try {
            Step step = peek().is("process") ? startProcess() : peek().is("join") ? join() : inProcessStep(code);
            if (peek().kind() != Kind.END) {
                throw error("unexpected " + peek().describe() + " at end of line");
            }
            return step;
        } catch (LexException e) {
            throw error(e.getMessage());
        }
    }

    /** A step or {@code spawn}, optionally prefixed by {@code in NAME:}. */
    private Step inProcessStep(String code) throws LexException, ScenarioSyntaxException {
        String process = inProcess(code);
        if (peek().is("join")) {
            throw error("join takes no 'in PROCESS:'; the thread belongs to the process that spawned it");
        }
        return peek().is("spawn") ? spawn(process) : step(process);
    }

    private Step spawn(String process) throws LexException, ScenarioSyntaxException {
        next();
        String thread = newName(identifier("a thread name after 'spawn'"), threads);
        expect(":", "after 'spawn " + thread + "'");
        // the step is echoed on its own at join, so it is parsed as a line of its own
        lexer = new Lexer(lexer.text().substring(lexer.offset()).strip());
        if (peek().kind() == Kind.END) {
            throw error("expected a load, store or system call after 'spawn " + thread + ":'");
        }
        if (!(step(process) instanceof Step.Spawnable step)) {
            throw error("a spawned thread runs one load, store or system call, not '" + lexer.text() + "'");
        }
        if (step instanceof Step.Store store && store.bind() != null) {
            throw error("a spawned store cannot name what it stores");
        }
        if (step instanceof Step.Call call && call.bind() != null) {
            throw error("a spawned call cannot name its result: '" + call.bind()
                    + "' would be unknown until the join; name it in a call of the process instead");
        }
        Step.Spawn spawn = new Step.Spawn(origin(process, "spawn " + thread + ": " + step.origin().text()), thread, step);
        unjoined.put(thread, spawn);
        return spawn;
    }

    private Step join() throws LexException, ScenarioSyntaxException {
        next();
        String thread = identifier("a thread name after 'join'");
        if (joinedOn.containsKey(thread)) {
            throw error("thread '" + thread + "' was already joined on line " + joinedOn.get(thread));
        }
        Step.Spawn spawn = unjoined.remove(thread);
        if (spawn == null) {
            throw error("unknown thread '" + thread + "'");
        }
        joinedOn.put(thread, line);
        return joinOf(spawn, line, Step.Join.When.JOIN_LINE);
    }

    /**
     * Joins the unjoined threads of an exiting process ({@code null}: main) before it exits, in
     * spawn order, so their outcomes are those of accesses that ended, as on the model.
     */
    private void joinThreadsOf(String process, List<Step> steps) {
        String exiting = process != null ? process : MAIN;
        for (var it = unjoined.sequencedValues().iterator(); it.hasNext(); ) {
            Step.Spawn spawn = it.next();
            String owner = spawn.origin().process();
            if (exiting.equals(owner != null ? owner : MAIN)) {
                it.remove();
                joinedOn.put(spawn.thread(), line);
                steps.add(joinOf(spawn, spawn.origin().line(), Step.Join.When.PROCESS_EXIT));
            }
        }
    }

    /** The join of a spawned thread, on {@code joinLine}: it reads as the thread's step. */
    private static Step.Join joinOf(Step.Spawn spawn, int joinLine, Step.Join.When when) {
        String text = "join " + spawn.thread() + ": " + spawn.step().origin().text();
        return new Step.Join(new Origin(joinLine, spawn.origin().process(), text), spawn, when);
    }

    /** Reads an {@code in NAME:} prefix if there is one: the process to run in, else null (main). */
    private String inProcess(String code) throws LexException, ScenarioSyntaxException {
        if (!peek().is("in")) {
            return null;
        }
        next();
        String process = identifier("a process name after 'in'");
        if (!processes.contains(process)) {
            throw error("unknown process '" + process + "'");
        }
        expect(":", "after 'in " + process + "'");
        // the step's own text, without the prefix, is what the transcript echoes after "in NAME: "
        lexer = new Lexer(code.substring(lexer.offset()).strip());
        if (peek().is("in")) {
            throw error("a line runs in one process: 'in " + process + ":' cannot be followed by another 'in PROCESS:'");
        }
        return process;
    }

    private Step startProcess() throws LexException, ScenarioSyntaxException {
        next();
        String name = newName(identifier("a process name after 'process'"), processes);
        boolean privileged = rootRequired;
        if (peek().kind() == Kind.IDENT) {
            String mode = next().text();
            privileged = switch (mode) {
                case "privileged" -> true;
                case "unprivileged" -> false;
                default -> throw error("expected 'privileged' or 'unprivileged', found '" + mode + "'");
            };
            if (privileged && !rootRequired) {
                throw error("a privileged process needs 'requires: root' (before the first step)");
            }
        }
        return new Step.StartProcess(origin(null, lexer.text()), name, privileged);
    }

    private Step step(String process) throws LexException, ScenarioSyntaxException {
        String bind = null;
        Token first = next();
        if (first.kind() != Kind.IDENT) {
            throw error("expected a call, found " + first.describe());
        }
        if (peek().is("=")) {
            next();
            bind = first.text();
            first = next();
            if (first.kind() != Kind.IDENT) {
                throw error("expected a call after '" + bind + " =', found " + first.describe());
            }
        }
        String call = first.text();
        if (call.equals("maps") && peek().kind() == Kind.END) {
            return new Step.Maps(origin(process, lexer.text()));
        }
        if (bind == null && ProcCounters.FILES.containsKey(call)) {
            return procCounter(process, call);
        }
        expect("(", "after '" + call + "'");
        Syscall syscall = syscallNamed(call);
        if (bind != null && call.equals("fork")) {
            throw error("name the child with 'fork() => " + bind + "'");
        }
        if (bind != null && syscall == null && !call.equals("store")) {
            throw error("only system calls give a result to name; '" + call + "' does not");
        }
        Step step = syscall != null ? syscall(process, bind, syscall) : switch (call) {
            case "mincore" -> mincore(process);
            case "fork" -> fork(process);
            case "exit" -> exit(process);
            case "load" -> load(process);
            case "store" -> store(process, bind);
            case "pagemap" -> pagemap(process);
            case "pfn" -> pfnCompare(process);
            case "maps" -> mapsAt(process);
            case "vmas" -> vmas(process);
            case "vmflags" -> vmFlags(process);
            case "smaps" -> smapsField(process);
            case "swapoff", "swapon" -> switchSwap(process, call);
            case "reclaim" -> reclaim(process);
            default -> throw error("unknown call '" + call + "'");
        };
        if (bind != null) {
            newName(bind, values);
        }
        return step;
    }

    private Step syscall(String process, String bind, Syscall call) throws LexException, ScenarioSyntaxException {
        String name = call.name().toLowerCase(Locale.ROOT);
        List<Expr> args = new ArrayList<>();
        int stringBytes = 0;
        if (!peek().is(")")) {
            do {
                if (peek().kind() == Kind.STRING) {
                    Expr.CString string = cString();
                    stringBytes += string.maxLength() + 1;
                    if (stringBytes > Runner.STRING_AREA_BYTES) {
                        throw error("the strings of one call take at most " + Runner.STRING_AREA_BYTES
                                + " bytes with their NULs, found " + stringBytes);
                    }
                    args.add(string);
                } else if (call == Syscall.IOCTL && args.size() == 2 && peek().is("{")) {
                    args.add(inlineStruct(args.get(1)));
                } else {
                    args.add(expr());
                }
            } while (accept(","));
        }
        expect(")", "after the arguments of " + name);
        if (call == Syscall.READ && args.size() == 1) {
            return readMessage(process, bind, args.getFirst());
        }
        if (call == Syscall.POLL && args.size() == 1) {
            return pollOne(process, bind, args.getFirst());
        }
        if (args.size() != call.arity()) {
            throw error(name + " takes " + call.arity() + " arguments, found " + args.size());
        }
        String refusal = ScenarioPaths.refusal(call, args);
        if (refusal != null) {
            throw error(refusal);
        }
        String text = textSoFar();
        Step.Returns returns = returns();
        Initializer written = null;
        if (!args.isEmpty() && args.getLast() instanceof Expr.CObject object && accept("{")) {
            if (returns == null) {
                throw error("the members the kernel writes follow the result: '= 0 {member=value, ...}'");
            }
            written = members((Aggregate) object.type());
        }
        return new Step.Call(origin(process, text), bind, call, args, returns, written);
    }

    /**
     * A string argument: {@code STRING { '+' ( STRING | unary ) }}, literals and numbers joined
     * into one string, each number written in decimal when the call is made
     * ({@code "/proc/" + pid(child) + "/pagemap"}).
     */
    private Expr.CString cString() throws LexException, ScenarioSyntaxException {
        List<byte[]> texts = new ArrayList<>();
        List<Expr> numbers = new ArrayList<>();
        StringBuilder text = new StringBuilder(next().string());
        while (accept("+")) {
            if (peek().kind() == Kind.STRING) {
                text.append(next().string());
            } else {
                texts.add(text.toString().getBytes(StandardCharsets.ISO_8859_1));
                text.setLength(0);
                numbers.add(unary());
            }
        }
        texts.add(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        return new Expr.CString(texts, numbers);
    }

    /**
     * {@code {member=value, ...}} as the third argument of {@code ioctl}: a struct of the type the
     * command takes ({@link IoctlArguments}), which the runner places in the process's memory.
     */
    private Expr inlineStruct(Expr command) throws LexException, ScenarioSyntaxException {
        IoctlArguments.Argument argument = command instanceof Expr.Literal(long value) ? IoctlArguments.of(value) : null;
        if (argument == null) {
            throw error("an inline struct needs an ioctl command whose struct is known (" + IoctlArguments.known()
                    + "); otherwise store(buf, TYPE{...}) and pass buf");
        }
        expect("{", "to start a value of " + argument.type().name());
        return new Expr.CObject(argument.type(), members(argument.type()));
    }

    /**
     * {@code read(fd) [== {member=value, ...} | = -1 ERRNO]}: one userfaultfd message, read into
     * the scratch area ({@link UffdMessages}).
     */
    private Step readMessage(String process, String bind, Expr fd) throws LexException, ScenarioSyntaxException {
        String text = textSoFar();
        List<Expr> args = List.of(fd, new Expr.CObject(UffdMsgLayout.TYPE, new Initializer.Members(List.of())),
                new Expr.Literal(UffdMsgLayout.SIZE));
        if (!accept("==")) {
            Step.Returns r = returns();
            if (r instanceof Step.ReturnsValue) {
                throw error("a message read is written 'read(u) == {event=..., ...}' (or '= -1 ERRNO')");
            }
            return new Step.ReadMessage(origin(process, text), bind, args, r, null);
        }
        expect("{", "to start the expected message (write read(u) == {event=UFFD_EVENT_PAGEFAULT, ...})");
        List<UffdMessages.Expected> expected = new ArrayList<>();
        do {
            String member = identifier("a member of a message");
            if (!UffdMessages.MEMBERS.containsKey(member)) {
                throw error("a message has no member '" + member + "' (members: "
                        + String.join(", ", UffdMessages.MEMBERS.keySet().stream().sorted().toList()) + ")");
            }
            if (expected.stream().anyMatch(e -> e.member().equals(member))) {
                throw error("member '" + member + "' of the message is given twice");
            }
            expect("=", "after the member name '" + member + "'");
            if (member.equals(UffdMessages.PTID) && peek().kind() == Kind.IDENT
                    && (threads.contains(peek().text()) || peek().is(MAIN))) {
                expected.add(new UffdMessages.Expected(member, null, next().text()));
            } else {
                expected.add(new UffdMessages.Expected(member, expr(), null));
            }
        } while (accept(","));
        expect("}", "to close the expected message");
        return new Step.ReadMessage(origin(process, text), bind, args, null, expected);
    }

    /** {@code poll(fd) [== EVENTS | = -1 ERRNO]}: one pollfd asking for POLLIN, timeout 0. */
    private Step pollOne(String process, String bind, Expr fd) throws LexException, ScenarioSyntaxException {
        if (bind != null) {
            throw error("poll(fd) gives its events, not a result to name");
        }
        String text = textSoFar();
        Aggregate pollfd = PollfdLayout.TYPE;
        Initializer request = new Initializer.Members(List.of(
                new Initializer.Member(pollfd.field("fd"), new Initializer.Scalar(fd)),
                new Initializer.Member(pollfd.field("events"), new Initializer.Scalar(new Expr.Literal(Uapi.POLLIN)))));
        List<Expr> args = List.of(new Expr.CObject(pollfd, request), new Expr.Literal(1), new Expr.Literal(0));
        if (accept("==")) {
            return new Step.PollOne(origin(process, text), args, null, expr());
        }
        Step.Returns r = returns();
        if (r instanceof Step.ReturnsValue) {
            throw error("poll of one descriptor is written 'poll(u) == POLLIN' (or '== 0', '= -1 ERRNO')");
        }
        return new Step.PollOne(origin(process, text), args, r, null);
    }

    /**
     * The {@code addr, count)} that ends the arguments of a step over a range of memory; for a
     * load, {@code addr, TYPE)} reads one C object ({@code type} set, {@code count} its size).
     */
    private record Span(Expr addr, Expr count, CType type) {
    }

    private Span span(String call) throws LexException, ScenarioSyntaxException {
        Expr addr = expr();
        expect(",", "after the address of " + call);
        CType type = call.equals("load") ? typeName() : null;
        Expr count = type != null ? new Expr.Literal(type.size()) : expr();
        expect(")", "after the arguments of " + call);
        return new Span(addr, count, type);
    }

    private Step mincore(String process) throws LexException, ScenarioSyntaxException {
        Span span = span("mincore");
        Expr addr = span.addr();
        Expr len = span.count();
        String text = textSoFar();
        if (accept("==")) {
            return new Step.Mincore(origin(process, text), addr, len, runs(), null);
        }
        Step.Returns r = returns();
        if (r instanceof Step.ReturnsValue) {
            throw error("mincore results are written '== 1 0 1' (or '= -1 ERRNO')");
        }
        Integer errno = r == null ? null : ((Step.ReturnsError) r).errno();
        return new Step.Mincore(origin(process, text), addr, len, null, errno);
    }

    private Step switchSwap(String process, String call) throws LexException, ScenarioSyntaxException {
        expect(")", "after '" + call + "(' (it takes no arguments: it acts on the swap area lent for 'requires: swap')");
        String text = textSoFar();
        return new Step.SwitchSwap(origin(process, text), call.equals("swapon"), returns());
    }

    private Step reclaim(String process) throws LexException, ScenarioSyntaxException {
        expect(")", "after 'reclaim(' (it takes no arguments: everything reclaimable of the scenario's processes goes)");
        if (!memcgRequired) {
            throw error("reclaim() needs 'requires: memcg' (before the first step): the kernel backend reclaims "
                    + "through a memory cgroup its processes start in");
        }
        return new Step.Reclaim(origin(process, textSoFar()));
    }

    private Step fork(String process) throws LexException, ScenarioSyntaxException {
        expect(")", "after 'fork('");
        String text = textSoFar();
        expect("=>", "after 'fork()' (write 'fork() => child')");
        String child = newName(identifier("a name for the child after '=>'"), processes);
        return new Step.Fork(origin(process, text + " => " + child), child);
    }

    private Step exit(String process) throws LexException, ScenarioSyntaxException {
        String target = null;
        if (!peek().is(")")) {
            target = identifier("a process name in exit()");
            if (!processes.contains(target)) {
                throw error("unknown process '" + target + "'");
            }
        }
        expect(")", "after the argument of exit");
        return new Step.Exit(origin(process, textSoFar()), target);
    }

    private Step load(String process) throws LexException, ScenarioSyntaxException {
        Span span = span("load");
        Expr addr = span.addr();
        Expr len = span.count();
        String text = textSoFar();
        if (span.type() != null) {
            Initializer value = accept("==") ? initializer(span.type()) : null;
            Step.Signalled signal = value == null ? signalled() : null;
            return new Step.Load(origin(process, text), addr, len, null, signal, new Step.Typed(span.type(), value));
        }
        List<Step.Run> expected = accept("==") ? runs() : null;
        Step.Signalled signal = expected == null ? signalled() : null;
        return new Step.Load(origin(process, text), addr, len, expected, signal, null);
    }

    private Step store(String process, String bind) throws LexException, ScenarioSyntaxException {
        Expr addr = expr();
        expect(",", "after the address of store");
        Step.Stored data;
        CType type = typeName();
        if (type != null) {
            expect("{", "after the type " + type.name() + " (write " + type.name() + "{...})");
            data = new Step.Struct(type, type instanceof Aggregate a ? members(a) : scalarBody(type));
        } else if (peek().kind() == Kind.STRING) {
            data = new Step.Bytes(next().string().getBytes(StandardCharsets.ISO_8859_1));
        } else {
            Expr length = expr();
            expect(",", "after the length of store (write store(addr, len, byte) or store(addr, \"text\"))");
            data = new Step.Fill(length, expr());
        }
        expect(")", "after the arguments of store");
        String text = textSoFar();
        if (bind != null && !(data instanceof Step.Struct)) {
            throw error("only a stored TYPE{...} can be named; '" + bind + " = store(...)' stores bytes");
        }
        return new Step.Store(origin(process, text), addr, data, signalled(), bind);
    }

    /** {@code pagemap(addr, pages)}, or {@code pagemap(fd, addr, pages)} read through a descriptor. */
    private Step pagemap(String process) throws LexException, ScenarioSyntaxException {
        Expr fd = null;
        Expr addr = expr();
        expect(",", "after the address of pagemap");
        Expr pages = expr();
        if (accept(",")) {
            fd = addr;
            addr = pages;
            pages = expr();
        }
        expect(")", "after the arguments of pagemap");
        String text = textSoFar();
        List<Step.PageSpec> expected = null;
        if (accept("==")) {
            expected = new ArrayList<>();
            do {
                expected.add(pageSpec());
            } while (accept(","));
        }
        return new Step.Pagemap(origin(process, text), fd, addr, pages, expected);
    }

    private Step pfnCompare(String process) throws LexException, ScenarioSyntaxException {
        Step.PfnRef left = pfnRef();
        boolean same;
        if (accept("==")) {
            same = true;
        } else if (accept("!=")) {
            same = false;
        } else {
            throw error("expected '==' or '!=' after pfn(...), found " + peek().describe());
        }
        if (!next().is("pfn")) {
            throw error("expected pfn(...) on the right of the comparison");
        }
        expect("(", "after 'pfn'");
        Step.PfnRef right = pfnRef();
        return new Step.PfnCompare(origin(process, textSoFar()), left, same, right);
    }

    /** {@code [process,] addr)} — the opening parenthesis is already read. */
    private Step.PfnRef pfnRef() throws LexException, ScenarioSyntaxException {
        String owner = null;
        if (peek().kind() == Kind.IDENT && processes.contains(peek().text())) {
            owner = next().text();
            expect(",", "after the process name in pfn(" + owner + ", addr)");
        }
        Expr addr = expr();
        expect(")", "after the address of pfn");
        return new Step.PfnRef(owner, addr);
    }

    private Step mapsAt(String process) throws LexException, ScenarioSyntaxException {
        Expr addr = expr();
        expect(")", "after the address of maps");
        String text = textSoFar();
        if (!accept("==")) {
            return new Step.MapsAt(origin(process, text), addr, null, null, null, null);
        }
        if (peek().is(Step.MapsAt.UNMAPPED)) {
            next();
            return new Step.MapsAt(origin(process, text), addr, null, null, Step.MapsAt.UNMAPPED, null);
        }
        Expr start = null;
        Expr end = null;
        String perms = lexer.permissions();
        if (perms == null) {
            start = expr();
            expect("..", "between the start and end of the expected VMA");
            end = expr();
            perms = lexer.permissions();
            if (perms == null) {
                throw error("expected permissions such as rw-p after the range, found " + peek().describe());
            }
        }
        String path = peek().kind() == Kind.STRING ? next().string() : null;
        return new Step.MapsAt(origin(process, text), addr, start, end, perms, path);
    }

    private Step vmas(String process) throws LexException, ScenarioSyntaxException {
        Span span = span("vmas");
        Expr addr = span.addr();
        Expr len = span.count();
        String text = textSoFar();
        Expr expected = accept("==") ? expr() : null;
        return new Step.Vmas(origin(process, text), addr, len, expected);
    }

    private Step vmFlags(String process) throws LexException, ScenarioSyntaxException {
        Expr addr = expr();
        expect(")", "after the address of vmflags");
        String text = textSoFar();
        Step.FlagTest test;
        if (accept("==")) {
            test = Step.FlagTest.EQUALS;
        } else if (accept("has")) {
            test = Step.FlagTest.HAS;
        } else if (accept("lacks")) {
            test = Step.FlagTest.LACKS;
        } else {
            return new Step.VmFlags(origin(process, text), addr, null, List.of());
        }
        List<String> flags = new ArrayList<>();
        while (peek().kind() == Kind.IDENT) {
            String flag = next().text();
            if (!VmFlagNames.KNOWN.contains(flag)) {
                throw error("unknown VmFlags code '" + flag + "' (known: " + String.join(" ", VmFlagNames.KNOWN) + ")");
            }
            flags.add(flag);
        }
        if (flags.isEmpty()) {
            throw error("expected two-letter VmFlags such as 'lo' after '" + test.name().toLowerCase(Locale.ROOT) + "'");
        }
        return new Step.VmFlags(origin(process, text), addr, test, flags);
    }

    private Step procCounter(String process, String name) throws LexException, ScenarioSyntaxException {
        ProcFile file = ProcCounters.FILES.get(name);
        expect(".", "after '" + name + "' (write " + name + "." + (file == ProcFile.STATM ? "resident" : "Rss") + ")");
        String field = identifier("a field name after '" + name + ".'");
        List<String> fixed = ProcCounters.fixedFields(file);
        if (fixed != null && !fixed.contains(field)) {
            throw error("unknown field '" + field + "' of " + name + " (fields: " + String.join(" ", fixed) + ")");
        }
        String text = textSoFar();
        Expr expected = null;
        if (accept("==")) {
            expected = expr();
            if (ProcCounters.inKb(file)) {
                accept("kB");
            }
        }
        return new Step.ProcCounter(origin(process, text), file, field, expected);
    }

    private Step smapsField(String process) throws LexException, ScenarioSyntaxException {
        Expr addr = expr();
        expect(")", "after the address of smaps");
        expect(".", "after smaps(addr) (write smaps(addr).Rss)");
        String field = identifier("a field name such as Rss after 'smaps(addr).'");
        String text = textSoFar();
        Expr expected = null;
        if (accept("==")) {
            expected = expr();
            accept("kB");
        }
        return new Step.SmapsField(origin(process, text), addr, field, expected);
    }

    // ---- expectations ----

    /** {@code = value} or {@code = -1 ERRNO}, or nothing. */
    private Step.Returns returns() throws LexException, ScenarioSyntaxException {
        if (!accept("=")) {
            return null;
        }
        Expr value = expr();
        if (value instanceof Expr.Unary(char op, Expr.Literal(long one)) && op == '-' && one == 1) {
            String name = identifier("an errno name after '-1' (such as EINVAL)");
            Integer errno = ErrnoNames.number(name);
            if (errno == null) {
                throw error("unknown errno '" + name + "'");
            }
            return new Step.ReturnsError(errno);
        }
        return new Step.ReturnsValue(value);
    }

    /** {@code => SIGNAL [CODE] [at addr]}, or nothing. */
    private Step.Signalled signalled() throws LexException, ScenarioSyntaxException {
        if (!accept("=>")) {
            return null;
        }
        String name = identifier("a signal name after '=>' (" + SignalNames.known() + ")");
        Integer signal = SignalNames.signal(name);
        if (signal == null) {
            throw error("unknown signal '" + name + "' (expected " + SignalNames.known() + ")");
        }
        if (SignalNames.kills(signal)) {
            if (peek().kind() != Kind.END) {
                throw error(name + " takes no si_code or address: the killed process sees no siginfo");
            }
            return new Step.Signalled(signal, null, null);
        }
        Integer code = null;
        if (peek().kind() == Kind.IDENT && !peek().is("at")) {
            String codeName = next().text();
            code = SignalNames.code(signal, codeName);
            if (code == null) {
                throw error("unknown si_code '" + codeName + "' for " + name);
            }
        }
        Expr address = accept("at") ? expr() : null;
        return new Step.Signalled(signal, code, address);
    }

    /** Byte or page values: {@code 0xab}, {@code 1 0 1}, {@code 0xab*PAGE 0}, {@code "text"}. */
    private List<Step.Run> runs() throws LexException, ScenarioSyntaxException {
        List<Step.Run> runs = new ArrayList<>();
        while (peek().kind() != Kind.END) {
            if (peek().kind() == Kind.STRING) {
                for (byte b : next().string().getBytes(StandardCharsets.ISO_8859_1)) {
                    runs.add(new Step.Run(new Expr.Literal(b & 0xff), null));
                }
                continue;
            }
            Expr value = primary();
            Expr count = accept("*") ? product() : null;
            runs.add(new Step.Run(value, count));
        }
        if (runs.isEmpty()) {
            throw error("expected values after '=='");
        }
        return runs;
    }

    // ---- C objects: TYPE{...} in a store, load(addr, TYPE) == value ----

    /** Takes a C type name of {@link AbiTypes} if one comes next, else null. */
    private CType typeName() throws LexException {
        CType type = peek().kind() == Kind.IDENT ? AbiTypes.named(peek().text()) : null;
        if (type != null) {
            next();
        }
        return type;
    }

    /** A value of {@code type}: an expression for a scalar, {@code {member=value, ...}} for a struct or union. */
    private Initializer initializer(CType type) throws LexException, ScenarioSyntaxException {
        if (type instanceof Aggregate a) {
            expect("{", "to start a value of " + a.name());
            return members(a);
        }
        return new Initializer.Scalar(expr());
    }

    /** The body of {@code loff_t{expr}}, after the '{'. */
    private Initializer scalarBody(CType type) throws LexException, ScenarioSyntaxException {
        Initializer value = new Initializer.Scalar(expr());
        expect("}", "to close the " + type.name() + " value");
        return value;
    }

    /** {@code member=value, ...}} of a struct or union, after the '{'; each member once. */
    private Initializer.Members members(Aggregate type) throws LexException, ScenarioSyntaxException {
        List<Initializer.Member> members = new ArrayList<>();
        if (accept("}")) {
            return new Initializer.Members(members);
        }
        do {
            String name = identifier("a member of " + type.name());
            Field field = type.field(name);
            if (field == null) {
                throw error(type.name() + " has no member '" + name + "' (members: "
                        + String.join(", ", type.fields().stream().map(Field::name).toList()) + ")");
            }
            if (members.stream().anyMatch(m -> m.field() == field)) {
                throw error("member '" + name + "' of " + type.name() + " is given twice");
            }
            expect("=", "after the member name '" + name + "'");
            members.add(new Initializer.Member(field, IoctlArguments.hasRegions(type, field) && accept("[")
                    ? regions() : initializer(field.type())));
        } while (accept(","));
        expect("}", "to close the " + type.name() + " value");
        return new Initializer.Members(members);
    }

    /** {@code {start, end, categories}, ...]} of PAGEMAP_SCAN's vector, after the '['. */
    private Initializer.Regions regions() throws LexException, ScenarioSyntaxException {
        List<Initializer.Region> regions = new ArrayList<>();
        if (!accept("]")) {
            do {
                expect("{", "to start a page_region {start, end, categories}");
                Expr start = expr();
                expect(",", "after a region's start");
                Expr end = expr();
                expect(",", "after a region's end");
                Expr categories = expr();
                expect("}", "to close a page_region {start, end, categories}");
                regions.add(new Initializer.Region(start, end, categories));
            } while (accept(","));
            expect("]", "to close the regions");
        }
        return new Initializer.Regions(regions);
    }

    /** {@code flag|flag[@frame][*count]} or {@code none[*count]}. */
    private Step.PageSpec pageSpec() throws LexException, ScenarioSyntaxException {
        long flags = 0;
        String first = identifier("pagemap flags such as present|exclusive, or none");
        if (!first.equals("none")) {
            flags = pagemapFlag(first);
            while (accept("|")) {
                flags |= pagemapFlag(identifier("a pagemap flag after '|'"));
            }
        }
        String frame = null;
        if (accept("@")) {
            Token t = next();
            if (!(t.kind() == Kind.NUMBER && t.number() == 0) && !t.text().matches("[PS][1-9][0-9]*")) {
                throw error("expected a frame label such as P1, S1 or 0 after '@', found " + t.describe());
            }
            frame = t.text();
        }
        Expr count = accept("*") ? product() : null;
        return new Step.PageSpec(flags, frame, count);
    }

    private long pagemapFlag(String name) throws ScenarioSyntaxException {
        PagemapFlag f = PagemapFlag.named(name);
        if (f == null) {
            throw error("unknown pagemap flag '" + name + "' (known: " + PagemapFlag.known() + ", or none)");
        }
        return f.mask();
    }

    // ---- expressions, C precedence: or := and ('|' and)*, and := sum ('&' sum)*,
    //      sum := product (('+'|'-') product)*, product := unary ('*' unary)*, unary := ('-'|'~') unary | primary ----

    private Expr expr() throws LexException, ScenarioSyntaxException {
        return leftAssociative(this::and, "|");
    }

    private Expr and() throws LexException, ScenarioSyntaxException {
        return leftAssociative(this::sum, "&");
    }

    private Expr sum() throws LexException, ScenarioSyntaxException {
        return leftAssociative(this::product, "+", "-");
    }

    private Expr product() throws LexException, ScenarioSyntaxException {
        return leftAssociative(this::unary, "*");
    }

    /** One precedence level: {@code operand { op operand }}, grouping to the left. */
    private Expr leftAssociative(Operand operand, String... operators) throws LexException, ScenarioSyntaxException {
        Expr e = operand.parse();
        for (String op = acceptOperator(operators); op != null; op = acceptOperator(operators)) {
            e = new Expr.Binary(op.charAt(0), e, operand.parse());
        }
        return e;
    }

    /** The next token if it is one of {@code operators}; a {@code -} that starts permissions ({@code ---p}) is not. */
    private String acceptOperator(String... operators) throws LexException {
        for (String op : operators) {
            if (!(op.equals("-") && lexer.atPermissions()) && accept(op)) {
                return op;
            }
        }
        return null;
    }

    /** A parse method of the next-tighter precedence level. */
    @FunctionalInterface
    private interface Operand {
        Expr parse() throws LexException, ScenarioSyntaxException;
    }

    private Expr unary() throws LexException, ScenarioSyntaxException {
        for (String op : new String[] {"-", "~"}) {
            if (accept(op)) {
                return new Expr.Unary(op.charAt(0), nested(this::unary));
            }
        }
        return primary();
    }

    /** Parses one level deeper inside a parenthesis or after a unary operator. */
    private Expr nested(Operand inner) throws LexException, ScenarioSyntaxException {
        if (nesting == MAX_NESTING) {
            throw error("expression nested too deeply (more than " + MAX_NESTING
                    + " levels of parentheses and unary operators)");
        }
        nesting++;
        try {
            return inner.parse();
        } finally {
            nesting--;
        }
    }

    private Expr primary() throws LexException, ScenarioSyntaxException {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                return new Expr.Literal(t.number());
            }
            case IDENT -> {
                if (t.text().equals("pid") && peek().is("(")) {
                    next();
                    String process = identifier("a process name after 'pid('");
                    if (!processes.contains(process)) {
                        throw error("unknown process '" + process + "'");
                    }
                    expect(")", "after the process of pid");
                    return new Expr.ProcessId(process);
                }
                OptionalLong constant = Constants.lookup(t.text());
                if (constant.isPresent()) {
                    return new Expr.Literal(constant.getAsLong());
                }
                if (values.contains(t.text())) {
                    return new Expr.Name(t.text());
                }
                if (processes.contains(t.text())) {
                    throw error("'" + t.text() + "' is a process, not a value");
                }
                throw error("unknown name '" + t.text() + "'");
            }
            default -> {
                if (t.is("(")) {
                    Expr e = nested(this::expr);
                    expect(")", "to close '('");
                    return e;
                }
                throw error("expected a value, found " + t.describe());
            }
        }
    }

    // ---- helpers ----

    private static Syscall syscallNamed(String name) {
        for (Syscall s : Syscall.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Declares a new result, process or thread name. */
    private String newName(String name, Set<String> into) throws ScenarioSyntaxException {
        if (Constants.lookup(name).isPresent() || RESERVED.contains(name) || syscallNamed(name) != null
                || AbiTypes.named(name) != null) {
            throw error("'" + name + "' is reserved and cannot name a result, process or thread");
        }
        if (indexNames.contains(name)) {
            throw error("'" + name + "' is the index of a repeat block and cannot name a result, process or thread");
        }
        if (values.contains(name) || processes.contains(name) || threads.contains(name)) {
            throw error("'" + name + "' is already defined");
        }
        into.add(name);
        return name;
    }

    private String identifier(String what) throws LexException, ScenarioSyntaxException {
        Token t = next();
        if (t.kind() != Kind.IDENT) {
            throw error("expected " + what + ", found " + t.describe());
        }
        return t.text();
    }

    private Token peek() throws LexException {
        return lexer.peek();
    }

    private Token next() throws LexException {
        return lexer.next();
    }

    private boolean accept(String symbol) throws LexException {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String symbol, String context) throws LexException, ScenarioSyntaxException {
        if (!accept(symbol)) {
            throw error("expected '" + symbol + "' " + context + ", found " + peek().describe());
        }
    }

    /** The statement text read so far: what the transcript echoes before the outcome. */
    private String textSoFar() {
        return lexer.text().substring(0, lexer.offset()).strip();
    }

    private Origin origin(String process, String text) {
        return new Origin(line, process, text);
    }

    private ScenarioSyntaxException error(String problem) {
        return new ScenarioSyntaxException(file, line, problem);
    }

    /** The line without a trailing {@code # comment} ({@code #} inside a string does not count). */
    private static String withoutComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (c == '#' && !inString) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
