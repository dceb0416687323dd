package org.mmkit.scenario;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.mmkit.backend.Access;
import org.mmkit.backend.Backend;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Requirement;
import org.mmkit.backend.Result;
import org.mmkit.backend.Syscall;
import org.mmkit.backend.SyscallReturn;
import org.mmkit.backend.ThreadOutcome;
import org.mmkit.core.Errno;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.Aggregate;
import org.mmkit.core.abi.CType;
import org.mmkit.core.abi.Field;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.PollfdLayout;
import org.mmkit.core.abi.Scalar;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdMsgLayout;
import org.mmkit.scenario.ProcMaps.Vma;
import org.mmkit.scenario.ScenarioResult.Status;

/**
 * Runs a scenario on a backend, line by line, writing the transcript. A failed expectation is
 * reported ({@code FAIL file:line: expected X, got Y}) and the run goes on; an error that leaves
 * nothing sensible to do (a name whose call failed, a process that exited, a backend exception)
 * ends the run. Processes still alive at the end are exited.
 */
public final class Runner {
    /** The largest single load or store (64 MiB) and pagemap read (1 GiB of address space). */
    private static final int MAX_ACCESS = 64 << 20;
    private static final int MAX_PAGEMAP_PAGES = 1 << 18;
    /** How long a join waits for a thread that sleeps in the kernel (the model knows at once). */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Where string arguments are stored in a process: a private anonymous mapping below the
     * executor's image and far below the scenario's own mappings, so {@code maps} does not show
     * it and {@code mmap(NULL)} does not come near it.
     */
    static final long STRING_AREA = 0x100000;
    /** Its size: room for a path of more than PATH_MAX bytes, to see ENAMETOOLONG. */
    static final int STRING_AREA_BYTES = 2 * (int) Uapi.PAGE_SIZE;

    private final Scenario scenario;
    private final Backend backend;
    private final AddressNames addresses;
    private final FrameLabels frames;
    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, Integer> failedBindings = new HashMap<>();
    private final SequencedMap<String, Integer> processes = new LinkedHashMap<>();
    /** The backend handles of the processes whose string area is mapped. */
    private final Set<Integer> stringAreas = new HashSet<>();
    /** Each spawned thread until it is joined, by name: its process and its backend handle. */
    private final Map<String, Running> spawned = new HashMap<>();
    /** The kernel thread ids of spawned threads, by name, asked for when a message names a thread. */
    private final Map<String, Long> threadIds = new HashMap<>();
    /**
     * The {@code /proc} counters of each process when it started or was forked, by process name;
     * filled only when the scenario reads them, since {@code status.X} prints changes from there.
     */
    private final Map<String, Map<ProcFile, Map<String, Long>>> counterBaselines = new HashMap<>();
    private final boolean readsCounters;
    /** Whether a system call of the scenario takes a string argument, so its processes get a string area. */
    private final boolean passesStrings;
    private final List<String> transcript = new ArrayList<>();
    private final List<Integer> sources = new ArrayList<>();
    private String firstFailure;
    private Step current;

    private Runner(Scenario scenario, Backend backend, boolean verbose) {
        this.scenario = scenario;
        this.backend = backend;
        this.addresses = new AddressNames(verbose);
        this.frames = new FrameLabels(verbose);
        this.readsCounters = scenario.steps().stream().anyMatch(s -> s instanceof Step.ProcCounter);
        this.passesStrings = scenario.steps().stream()
                .anyMatch(s -> s instanceof Step.Call c && c.args().stream().anyMatch(a -> a instanceof Expr.CString)
                        || s instanceof Step.Pagemap p && p.fd() != null);
    }

    /** Runs {@code scenario} on {@code backend}; verbose transcripts also show raw addresses and PFNs. */
    public static ScenarioResult run(Scenario scenario, Backend backend, boolean verbose) {
        return new Runner(scenario, backend, verbose).run();
    }

    private ScenarioResult run() {
        for (Requirement r : scenario.requirements()) {
            String reason = backend.unsupported(r);
            if (reason != null) {
                String what = r.kind().scenarioName()
                        + (r.argument() == null ? "" : " >= " + r.argument());
                return new ScenarioResult(scenario.file(), Status.SKIPPED, List.of(), List.of(),
                        "requires " + what + ": " + reason);
            }
        }
        try {
            started(ScenarioParser.MAIN, backend.newProcess(scenario.requiresRoot()));
            for (Step step : scenario.steps()) {
                current = step;
                execute(step);
            }
            current = null;
            for (int pid : processes.sequencedValues().reversed()) {
                backend.exit(pid);
            }
        } catch (StopException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("stopped by an error of backend " + backend.name() + ": " + e);
        }
        return new ScenarioResult(scenario.file(), firstFailure == null ? Status.PASSED : Status.FAILED,
                transcript, sources, firstFailure);
    }

    private void execute(Step step) {
        switch (step) {
            case Step.Comment c -> emit(c.origin().text());
            case Step.StartProcess s -> {
                started(s.name(), backend.newProcess(s.privileged()));
                print("");
            }
            case Step.Call c -> call(c);
            case Step.ReadMessage r -> readMessage(r);
            case Step.PollOne p -> pollOne(p);
            case Step.Mincore m -> mincore(m);
            case Step.SwitchSwap s -> returned(s.expected(), switchSwap(s), false, "0");
            case Step.Reclaim r -> reclaim();
            case Step.Fork f -> fork(f);
            case Step.Exit e -> exit(e);
            case Step.Load l -> loaded(l, backend.load(pid(), eval(l.addr()), length(l)));
            case Step.Store s -> stored(s, backend.store(pid(), eval(s.addr()), bytes(s)));
            case Step.Spawn s -> spawn(s);
            case Step.Join j -> join(j);
            case Step.Pagemap p -> pagemap(p);
            case Step.PfnCompare p -> pfnCompare(p);
            case Step.Maps m -> maps();
            case Step.MapsAt m -> mapsAt(m);
            case Step.Vmas v -> vmas(v);
            case Step.VmFlags v -> vmFlags(v);
            case Step.SmapsField s -> smapsField(s);
            case Step.ProcCounter c -> procCounter(c);
        }
    }

    // ---- system calls ----

    private void call(Step.Call c) {
        long[] args = argumentValues(c.args());
        returned(c, args, backend.syscall(pid(), c.call(), args));
    }

    /** Prints what the call with these argument values returned, names it, and checks it. */
    private void returned(Step.Call c, long[] args, long raw) {
        if (c.call() == Syscall.BRK) {
            brkReturned(c, raw);
            return;
        }
        if (!c.args().isEmpty() && c.args().getLast() instanceof Expr.CObject object) {
            bindNumber(c.bind(), raw);
            returnedWithObject(c, raw, object, args[args.length - 1]);
            return;
        }
        boolean returnsAddress = c.call() == Syscall.MMAP || c.call() == Syscall.MREMAP;
        if (isError(raw) || !returnsAddress) {
            bindNumber(c.bind(), raw);
            returned(c.expected(), raw, returnsAddress, isError(raw) ? null : Long.toString(raw));
            return;
        }
        // an address already inside a named region prints relative to it (mremap in place: "= a");
        // a new one prints as the name it is given
        String known = addresses.isNamed(raw) ? addresses.format(raw) : null;
        long length = c.call() == Syscall.MMAP ? args[1] : args[2];
        addresses.mapped(c.bind(), raw, pageAlign(length));
        bindNumber(c.bind(), raw);
        returned(c.expected(), raw, true, known != null ? known : addresses.format(raw));
    }

    /**
     * How far above a named program break addresses print relative to it: the heap grows up from
     * there, and where the break starts differs between backends.
     */
    private static final long HEAP_NAME_SPAN = 1L << 30;

    /**
     * {@code brk} returns the break, an address: relative to a named range holding it, else as the
     * name it is given, which then names the addresses above it (not as a mapped range: the heap
     * below the break is the process's own, not the scenario's).
     */
    private void brkReturned(Step.Call c, long raw) {
        boolean known = addresses.isNamed(raw);
        if (!known && c.bind() != null) {
            addresses.named(c.bind(), raw, HEAP_NAME_SPAN);
        }
        bindNumber(c.bind(), raw);
        returned(c.expected(), raw, true, addresses.format(raw));
    }

    /**
     * The values of a call's arguments. String literals (NUL-terminated) and inline objects are
     * stored, one after the other, into the process's string area, mapped on first use, and passed
     * as addresses: both backends then read them as the kernel does, from user memory.
     */
    private long[] argumentValues(List<Expr> args) {
        long[] values = new long[args.size()];
        long next = STRING_AREA;
        for (int i = 0; i < values.length; i++) {
            byte[] placed = switch (args.get(i)) {
                case Expr.CString s -> {
                    byte[] bytes = s.bytes(this::value);
                    yield Arrays.copyOf(bytes, bytes.length + 1);
                }
                case Expr.CObject o -> o.type() instanceof Aggregate a
                        ? IoctlArguments.place(a, o.value(), StructCodec.encode(a, o.value(), this::value), next,
                                (int) (STRING_AREA + STRING_AREA_BYTES - next))
                        : StructCodec.encode(o.type(), o.value(), this::value);
                default -> null;
            };
            if (placed == null) {
                values[i] = eval(args.get(i));
                continue;
            }
            mapStringArea(pid());
            Access stored = backend.store(pid(), next, placed);
            if (!stored.ok()) {
                throw new StopException("cannot store an argument at 0x" + Long.toHexString(next)
                        + ": the scenario changed the string area");
            }
            values[i] = next;
            // the next object starts 8-byte aligned, as the C compiler would place it
            next = (next + placed.length + 7) & -8L;
        }
        return values;
    }

    /** Reads back an object argument the call may have written (its address from {@link #argumentValues}). */
    private byte[] objectAt(long addr, CType type) {
        Access a = backend.load(pid(), addr, type.size());
        if (!a.ok()) {
            throw new StopException("cannot read back the " + type.name() + " argument at 0x" + Long.toHexString(addr));
        }
        return a.data();
    }

    /**
     * {@code read(u) == {...}}: one userfaultfd message read through the string area, printed
     * flattened; a name given to it takes the new descriptor of a fork event.
     */
    private void readMessage(Step.ReadMessage r) {
        long[] args = argumentValues(r.args());
        long raw = backend.syscall(pid(), Syscall.READ, args);
        if (isError(raw)) {
            bindNumber(r.bind(), raw);
            if (r.message() != null) {
                print(" = " + errorText(raw));
                failExpected(UffdMessages.describe(r.message(), this::value, messageNames()),
                        errorText(raw));
            } else {
                returned(r.error(), raw, false, null);
            }
            return;
        }
        if (raw != UffdMsgLayout.SIZE) {
            throw new StopException("read of one message returned " + raw + " bytes, not " + UffdMsgLayout.SIZE);
        }
        List<UffdMessages.Member> message = UffdMessages.flatten(objectAt(args[1], UffdMsgLayout.TYPE));
        String got = UffdMessages.format(message, messageNames());
        print(" == " + got);
        if (r.bind() != null) {
            long ufd = message.getFirst().value() == Uapi.UFFD_EVENT_FORK ? message.get(1).value() : -Errno.EINVAL.number();
            bindNumber(r.bind(), ufd);
        }
        if (r.error() != null) {
            failExpected(describeReturns(r.error()), got);
        } else if (r.message() != null && !UffdMessages.matches(message, r.message(), this::value, this::threadName)) {
            failExpected(UffdMessages.describe(r.message(), this::value, messageNames()), got);
        }
    }

    private UffdMessages.Names messageNames() {
        return new UffdMessages.Names(addresses::format, addresses::formatEnd, this::threadName);
    }

    /** {@code poll(u) == POLLIN}: the revents of one descriptor, by name; 0 when it is not ready. */
    private void pollOne(Step.PollOne p) {
        long[] args = argumentValues(p.args());
        long raw = backend.syscall(pid(), Syscall.POLL, args);
        if (isError(raw)) {
            if (p.revents() != null) {
                print(" = " + errorText(raw));
                failExpected(Constants.flags("POLL", eval(p.revents())), errorText(raw));
            } else {
                returned(p.error(), raw, false, null);
            }
            return;
        }
        Scalar type = (Scalar) PollfdLayout.TYPE.field("revents").type();
        long revents = raw == 0 ? 0 : type.read(objectAt(args[0], PollfdLayout.TYPE), PollfdLayout.REVENTS_OFFSET) & 0xffff;
        String got = Constants.flags("POLL", revents);
        print(" == " + got);
        if (p.error() != null) {
            failExpected(describeReturns(p.error()), got);
        } else if (p.revents() != null && revents != eval(p.revents())) {
            failExpected(Constants.flags("POLL", eval(p.revents())), got);
        }
    }

    private String describeReturns(Step.Returns r) {
        return r instanceof Step.ReturnsError e ? errorText(-e.errno()) : "= " + eval(((Step.ReturnsValue) r).value());
    }

    /**
     * A thread id of a message: the spawned thread of the running process that has it, or
     * {@code main}; {@code 0} stays 0 (no THREAD_ID feature). Ids differ between backends, names do not.
     */
    private String threadName(long tid) {
        if (tid == 0) {
            return "0";
        }
        if (tid == backend.pid(pid())) {
            return ScenarioParser.MAIN;
        }
        for (Map.Entry<String, Running> e : spawned.entrySet()) {
            Running r = e.getValue();
            if (r.pid() == pid() && threadIds.computeIfAbsent(e.getKey(), n -> backend.threadId(r.pid(), r.handle())) == tid) {
                return e.getKey();
            }
        }
        return "<tid>";
    }

    /** Maps the string area of the running process (fork children inherit it) unless it has one. */
    private void mapStringArea(int pid) {
        if (stringAreas.contains(pid)) {
            return;
        }
        long raw = backend.syscall(pid, Syscall.MMAP, STRING_AREA, STRING_AREA_BYTES, Uapi.PROT_READ | Uapi.PROT_WRITE,
                Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS | Uapi.MAP_FIXED_NOREPLACE, -1, 0);
        if (raw != STRING_AREA) {
            throw new StopException("cannot map the string area at 0x" + Long.toHexString(STRING_AREA) + ": "
                    + (isError(raw) ? errorText(raw) : "mapped at 0x" + Long.toHexString(raw)));
        }
        stringAreas.add(pid);
    }

    /**
     * {@code ioctl(u, CMD, {...}) = 0 {ioctls=0x13c}}: the result, then the members the kernel
     * writes into the inline struct ({@link IoctlArguments}), read back from the process.
     */
    private void returnedWithObject(Step.Call c, long raw, Expr.CObject object, long addr) {
        byte[] bytes = objectAt(addr, object.type());
        IoctlArguments.Argument argument = IoctlArguments.of(eval(c.args().get(1)));
        List<String> parts = new ArrayList<>();
        for (Field f : argument.written()) {
            LongFunction<String> address = IoctlArguments.isEnd(object.type(), f) ? addresses::formatEnd : addresses::format;
            parts.add(f.name() + "=" + StructCodec.format(f.type(), bytes, f.offset(), null, address));
        }
        List<long[]> regions = regionsWritten(object.type(), bytes, raw);
        if (regions != null) {
            parts.add("vec=" + IoctlArguments.formatRegions(regions, addresses::format, addresses::formatEnd));
        }
        String written = parts.isEmpty() ? "" : " {" + String.join(", ", parts) + "}";
        returned(c.expected(), raw, false, isError(raw) ? null : Long.toString(raw), written);
        if (c.written() != null && (!StructCodec.matches(object.type(), bytes, 0, c.written(), this::value)
                || !regionsMatch(c.written(), regions))) {
            failExpected(StructCodec.describe(object.type(), c.written(), this::value, addresses::format), written.strip());
        }
    }

    /**
     * The regions PAGEMAP_SCAN wrote into the vector of its {@code pm_scan_arg}, as many as it
     * returned; null for other structs, for an error, and for a scan without a vector.
     */
    private List<long[]> regionsWritten(CType type, byte[] bytes, long raw) {
        if (type != PmScanArgLayout.TYPE || isError(raw)) {
            return null;
        }
        long vec = Scalars.U64.read(bytes, PmScanArgLayout.VEC_OFFSET);
        if (vec == 0 || Scalars.U64.read(bytes, PmScanArgLayout.VEC_LEN_OFFSET) == 0) {
            return null;
        }
        Access a = backend.load(pid(), vec, (int) raw * PageRegionLayout.SIZE);
        if (!a.ok()) {
            throw new StopException("cannot read back the page_region vector at 0x" + Long.toHexString(vec));
        }
        return IoctlArguments.regions(a.data(), (int) raw);
    }

    /** Whether the regions expected as {@code vec=[...]} (if any) are those written. */
    private boolean regionsMatch(Initializer written, List<long[]> regions) {
        if (!(written instanceof Initializer.Members m)) {
            return true;
        }
        for (Initializer.Member member : m.members()) {
            if (member.value() instanceof Initializer.Regions expected) {
                if (regions == null || regions.size() != expected.regions().size()) {
                    return false;
                }
                for (int i = 0; i < regions.size(); i++) {
                    Initializer.Region e = expected.regions().get(i);
                    long[] r = regions.get(i);
                    if (r[0] != eval(e.start()) || r[1] != eval(e.end()) || r[2] != eval(e.categories())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Prints {@code = result} and checks the expectation; {@code shown} is the success text. */
    private void returned(Step.Returns expected, long raw, boolean address, String shown) {
        returned(expected, raw, address, shown, "");
    }

    /** {@link #returned}, with {@code after} printed after the result. */
    private void returned(Step.Returns expected, long raw, boolean address, String shown, String after) {
        String got = isError(raw) ? errorText(raw) : shown;
        print(" = " + got + after);
        switch (expected) {
            case null -> {
                if (isError(raw)) {
                    failExpected("success", got);
                }
            }
            case Step.ReturnsError e -> {
                if (raw != -e.errno()) {
                    failExpected(errorText(-e.errno()), got);
                }
            }
            case Step.ReturnsValue v -> {
                long want = eval(v.value());
                if (raw != want) {
                    failExpected(address ? addresses.format(want) : Long.toString(want), got);
                }
            }
        }
    }

    private void bindNumber(String name, long raw) {
        if (name == null) {
            return;
        }
        if (isError(raw)) {
            failedBindings.put(name, current.origin().line());
        } else {
            values.put(name, raw);
        }
    }

    private void mincore(Step.Mincore m) {
        Result<byte[]> r = backend.mincore(pid(), eval(m.addr()), eval(m.len()));
        if (!r.ok()) {
            String got = errorText(-r.errno());
            print(" = " + got);
            if (m.expectedErrno() == null || m.expectedErrno() != r.errno()) {
                failExpected(m.expectedErrno() == null ? "success" : errorText(-m.expectedErrno()), got);
            }
            return;
        }
        String got = ByteRuns.format(r.value(), false);
        print(" == " + got);
        if (m.expectedErrno() != null) {
            failExpected(errorText(-m.expectedErrno()), got);
        } else if (m.expected() != null && !ByteRuns.matches(r.value(), m.expected(), this::value)) {
            failExpected(ByteRuns.describe(m.expected(), false, this::value), got);
        }
    }

    /** The backend's {@link Backend#switchLentSwap}; a backend that lent no area stops the scenario. */
    private long switchSwap(Step.SwitchSwap s) {
        try {
            return backend.switchLentSwap(s.on());
        } catch (UnsupportedOperationException e) {
            throw new StopException(e.getMessage());
        }
    }

    /** The backend's {@link Backend#reclaim}; a backend that cannot stops the scenario. */
    private void reclaim() {
        try {
            backend.reclaim();
        } catch (UnsupportedOperationException e) {
            throw new StopException(e.getMessage());
        }
        print("");
    }

    // ---- processes ----

    private void fork(Step.Fork f) {
        int child = backend.fork(pid());
        if (child < 0) {
            throw new StopException("fork failed: " + errorText(child));
        }
        if (stringAreas.contains(pid())) {
            stringAreas.add(child);
        }
        started(f.child(), child);
        print("");
    }

    private void exit(Step.Exit e) {
        String target = e.target() != null ? e.target() : runningProcess();
        backend.exit(pidOf(target));
        processes.remove(target);
        print("");
    }

    // ---- memory ----

    private int length(Step.Load l) {
        return bounded(l.len(), MAX_ACCESS, "access length");
    }

    /** Prints the outcome of a load and checks it. */
    private void loaded(Step.Load l, Access a) {
        if (!a.ok()) {
            String wanted = l.expected() == null ? "the load to complete"
                    : "== " + ByteRuns.describe(l.expected(), true, this::value);
            signalled(a, l.signal(), wanted);
            return;
        }
        if (l.typed() != null) {
            loadedObject(l, a.data());
            return;
        }
        String got = ByteRuns.format(a.data(), true);
        print(" == " + got);
        if (l.signal() != null) {
            failExpected(describe(l.signal()), "== " + got);
        } else if (l.expected() != null && !ByteRuns.matches(a.data(), l.expected(), this::value)) {
            failExpected(ByteRuns.describe(l.expected(), true, this::value), got);
        }
    }

    /** Prints a C object a load read, with every member, and checks the members expected. */
    private void loadedObject(Step.Load l, byte[] data) {
        Step.Typed typed = l.typed();
        String got = StructCodec.format(typed.type(), data, 0, typed.expected(), addresses::format);
        print(" == " + got);
        if (l.signal() != null) {
            failExpected(describe(l.signal()), "== " + got);
        } else if (typed.expected() != null && !StructCodec.matches(typed.type(), data, 0, typed.expected(), this::value)) {
            failExpected(StructCodec.describe(typed.type(), typed.expected(), this::value, addresses::format), got);
        }
    }

    private byte[] bytes(Step.Store s) {
        return switch (s.data()) {
            case Step.Bytes b -> b.bytes();
            case Step.Struct st -> StructCodec.encode(st.type(), st.value(), this::value);
            case Step.Fill f -> {
                byte[] fill = new byte[bounded(f.length(), MAX_ACCESS, "access length")];
                Arrays.fill(fill, (byte) eval(f.value()));
                yield fill;
            }
        };
    }

    /** Prints the outcome of a store and checks it. */
    private void stored(Step.Store s, Access a) {
        if (s.bind() != null) {
            nameObject(s, a.ok());
        }
        if (!a.ok()) {
            signalled(a, s.signal(), "the store to complete");
            return;
        }
        print("");
        if (s.signal() != null) {
            failExpected(describe(s.signal()), "the store completed");
        }
    }

    /** {@code name = store(addr, TYPE{...})}: the name is the object's address, and addresses in it print relative to it. */
    private void nameObject(Step.Store s, boolean stored) {
        if (!stored) {
            failedBindings.put(s.bind(), current.origin().line());
            return;
        }
        long addr = eval(s.addr());
        values.put(s.bind(), addr);
        addresses.mapped(s.bind(), addr, ((Step.Struct) s.data()).type().size());
    }

    // ---- threads ----

    /** A spawned thread not joined yet; {@code args} are the values of a system call's arguments, else null. */
    private record Running(int pid, int handle, long[] args) {
    }

    /** Starts the thread on its step and goes on; the outcome is printed and checked at the join. */
    private void spawn(Step.Spawn s) {
        long[] args = null;
        int handle;
        switch (s.step()) {
            case Step.Load l -> handle = backend.startLoad(pid(), eval(l.addr()), length(l));
            case Step.Store st -> handle = backend.startStore(pid(), eval(st.addr()), bytes(st));
            case Step.Call c -> {
                args = argumentValues(c.args());
                handle = backend.startSyscall(pid(), c.call(), args);
            }
        }
        spawned.put(s.thread(), new Running(pid(), handle, args));
        print("");
    }

    private void join(Step.Join j) {
        Running thread = spawned.remove(j.thread());
        ThreadOutcome outcome = backend.awaitThread(thread.pid(), thread.handle(), JOIN_TIMEOUT);
        if (outcome == null) {
            String which = "thread " + j.thread() + " (spawned on line " + j.spawn().origin().line() + ")";
            throw new StopException(switch (j.when()) {
                case JOIN_LINE -> which + " is still blocked at the join";
                case PROCESS_EXIT -> which + " is still blocked when its process exits";
                case SCENARIO_END -> which + " is still blocked at the end of the scenario";
            });
        }
        switch (j.step()) {
            case Step.Load l -> loaded(l, (Access) outcome);
            case Step.Store s -> stored(s, (Access) outcome);
            case Step.Call c -> returned(c, thread.args(), ((SyscallReturn) outcome).raw());
        }
    }

    /** Prints the signal of an access and checks it against the expected one. */
    private void signalled(Access a, Step.Signalled expected, String otherwiseExpected) {
        String got = SignalNames.describe(a.signal(), a.code(), addresses.format(a.address()));
        print(" " + got);
        if (SignalNames.kills(a.signal())) {
            // the OOM killer ended the process: later lines in it find it not running, as after exit
            processes.remove(runningProcess());
        }
        if (expected == null) {
            failExpected(otherwiseExpected, got);
        } else if (expected.signal() != a.signal()
                || (expected.code() != null && expected.code() != a.code())
                || (expected.address() != null && eval(expected.address()) != a.address())) {
            failExpected(describe(expected), got);
        }
    }

    // ---- pagemap ----

    private void pagemap(Step.Pagemap p) {
        long[] entries = p.fd() == null
                ? pagemapEntries(pid(), eval(p.addr()), bounded(p.pages(), MAX_PAGEMAP_PAGES, "page count"))
                : pagemapEntriesThrough(eval(p.fd()), eval(p.addr()),
                        bounded(p.pages(), STRING_AREA_BYTES / 8, "page count through a descriptor"));
        String[] shown = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            shown[i] = frames.entry(entries[i]);
        }
        String got = PageSpecs.join(shown);
        print(" == " + got);
        if (p.expected() != null && !PageSpecs.matches(entries, shown, p.expected(), this::value)) {
            failExpected(PageSpecs.describe(p.expected(), this::value), got);
        }
    }

    private void pfnCompare(Step.PfnCompare p) {
        String left = pfnLabel(p.left());
        String right = pfnLabel(p.right());
        print("  # " + left + " " + right);
        if (left.equals(right) != p.same()) {
            failExpected(p.same() ? "the same page" : "different pages", left + " and " + right);
        }
    }

    private String pfnLabel(Step.PfnRef ref) {
        long addr = eval(ref.addr());
        String owner = ref.process() != null ? ref.process() : runningProcess();
        long entry = pagemapEntries(pidOf(owner), addr, 1)[0];
        String where = "pfn(" + (ref.process() != null ? owner + ", " : "") + addresses.format(addr) + ")";
        if ((entry & PagemapFlag.PRESENT.mask()) == 0) {
            throw new StopException(where + ": no page is present there");
        }
        if (PagemapEntryLayout.frame(entry) == 0) {
            throw new StopException(where + ": the PFN is hidden (process '" + owner + "' is unprivileged)");
        }
        return frames.pfn(PagemapEntryLayout.frame(entry));
    }

    private long[] pagemapEntries(int pid, long addr, int pages) {
        Result<byte[]> r = backend.pagemapRead(pid, addr / Uapi.PAGE_SIZE * 8, pages * 8);
        if (!r.ok()) {
            throw new StopException("reading pagemap failed: " + errorText(-r.errno()));
        }
        return entries(r.value(), pages);
    }

    /**
     * The entries of a pagemap descriptor of the running process (another process's pagemap, or
     * one opened by another opener), read with {@code pread} into its string area: what that
     * descriptor shows, its PFNs hidden as its opener's privilege decides.
     */
    private long[] pagemapEntriesThrough(long fd, long addr, int pages) {
        mapStringArea(pid());
        long raw = backend.syscall(pid(), Syscall.PREAD, fd, STRING_AREA, pages * 8L, addr / Uapi.PAGE_SIZE * 8);
        if (isError(raw)) {
            throw new StopException("reading pagemap descriptor " + fd + " failed: " + errorText(raw));
        }
        Access read = backend.load(pid(), STRING_AREA, (int) raw);
        if (!read.ok()) {
            throw new StopException("cannot read back the pagemap entries at 0x" + Long.toHexString(STRING_AREA));
        }
        return entries(read.data(), pages);
    }

    private static long[] entries(byte[] bytes, int pages) {
        if (bytes.length != pages * 8) {
            throw new StopException("pagemap returned " + bytes.length / 8 + " of " + pages + " entries");
        }
        long[] entries = new long[pages];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(entries);
        return entries;
    }

    // ---- /proc/PID/maps and smaps ----

    private void maps() {
        print("");
        for (Vma v : vmas(ProcFile.MAPS)) {
            if (addresses.touchesScenario(v.start(), v.end())) {
                emit("  " + describeVma(v));
            }
        }
    }

    private void mapsAt(Step.MapsAt m) {
        long addr = eval(m.addr());
        Vma v = vmaAt(ProcFile.MAPS, addr);
        String got = v == null ? "none" : describeVma(v);
        print(" == " + got);
        if (m.perms() == null) {
            return;
        }
        if (m.perms().equals(Step.MapsAt.UNMAPPED)) {
            if (v != null) {
                failExpected(Step.MapsAt.UNMAPPED, got);
            }
            return;
        }
        boolean ok = v != null && v.perms().equals(m.perms())
                && (m.start() == null || (v.start() == eval(m.start()) && v.end() == eval(m.end())))
                && (m.path() == null || v.path().equals(m.path()));
        if (!ok) {
            String want = (m.start() == null ? "" : addresses.format(eval(m.start())) + ".."
                    + addresses.formatEnd(eval(m.end())) + " ") + m.perms()
                    + (m.path() == null ? "" : " \"" + m.path() + "\"");
            failExpected(want, got);
        }
    }

    private void vmas(Step.Vmas s) {
        long start = eval(s.addr());
        long end = start + eval(s.len());
        long count = vmas(ProcFile.MAPS).stream()
                .filter(v -> Long.compareUnsigned(v.start(), end) < 0 && Long.compareUnsigned(start, v.end()) < 0)
                .count();
        print(" == " + count);
        if (s.expected() != null && count != eval(s.expected())) {
            failExpected(Long.toString(eval(s.expected())), Long.toString(count));
        }
    }

    private void vmFlags(Step.VmFlags s) {
        long addr = eval(s.addr());
        Vma v = vmaAt(ProcFile.SMAPS, addr);
        if (v == null) {
            throw new StopException("no VMA contains " + addresses.format(addr));
        }
        String got = String.join(" ", v.vmFlags());
        print(" == " + got);
        if (s.test() == null) {
            return;
        }
        boolean ok = switch (s.test()) {
            case EQUALS -> v.vmFlags().size() == s.flags().size() && v.vmFlags().containsAll(s.flags());
            case HAS -> v.vmFlags().containsAll(s.flags());
            case LACKS -> s.flags().stream().noneMatch(v.vmFlags()::contains);
        };
        if (!ok) {
            failExpected(s.test().name().toLowerCase().replace("equals", "==") + " " + String.join(" ", s.flags()), got);
        }
    }

    private void smapsField(Step.SmapsField s) {
        long addr = eval(s.addr());
        Vma v = vmaAt(ProcFile.SMAPS, addr);
        if (v == null) {
            throw new StopException("no VMA contains " + addresses.format(addr));
        }
        Long kb = v.fields().get(s.field());
        if (kb == null) {
            throw new StopException("smaps has no field '" + s.field() + "'");
        }
        print(" == " + kb + " kB");
        if (s.expectedKb() != null && kb != eval(s.expectedKb())) {
            failExpected(eval(s.expectedKb()) + " kB", kb + " kB");
        }
    }

    /** Registers a new process; takes its counter baselines when the scenario reads counters. */
    private void started(String name, int pid) {
        processes.put(name, pid);
        if (readsCounters) {
            if (passesStrings && !stringAreas.contains(pid)) {
                // the string area, written through, is part of the baseline: counters show the scenario's own memory
                mapStringArea(pid);
                backend.store(pid, STRING_AREA, new byte[STRING_AREA_BYTES]);
            }
            Map<ProcFile, Map<String, Long>> baseline = new HashMap<>();
            for (ProcFile file : ProcCounters.FILES.values()) {
                baseline.put(file, ProcCounters.parse(file, backend.procText(pid, file)));
            }
            counterBaselines.put(name, baseline);
        }
    }

    /**
     * Prints a counter as its change since the process started: on the kernel the executor's own
     * image is in every counter, and the model's process starts empty.
     */
    private void procCounter(Step.ProcCounter c) {
        Long now = ProcCounters.parse(c.file(), backend.procText(pid(), c.file())).get(c.field());
        if (now == null) {
            throw new StopException(c.file().fileName() + " has no field '" + c.field() + "'");
        }
        long change = now - counterBaselines.get(runningProcess()).get(c.file()).getOrDefault(c.field(), 0L);
        String unit = ProcCounters.inKb(c.file()) ? " kB" : "";
        print(" == " + change + unit);
        if (c.expected() != null && change != eval(c.expected())) {
            failExpected(eval(c.expected()) + unit, change + unit);
        }
    }

    private Vma vmaAt(ProcFile file, long addr) {
        return vmas(file).stream().filter(v -> v.contains(addr)).findFirst()
                .orElse(null);
    }

    /**
     * The VMAs of the running process's maps or smaps. A file of the backend's working directory
     * is named relative to it ({@code "f"}, {@code "f (deleted)"}), since the directory's own path
     * differs between backends and runs; an O_TMPFILE file, which the kernel names by its inode
     * number ({@code "#1234 (deleted)"}), shows as {@code "#INO (deleted)"}, since inode numbers
     * differ too.
     */
    private List<Vma> vmas(ProcFile file) {
        String prefix = backend.workingDirectory() + "/";
        return ProcMaps.parse(backend.procText(pid(), file)).stream()
                .map(v -> v.path().startsWith(prefix)
                        ? v.withPath(TMPFILE_INODE.matcher(v.path().substring(prefix.length())).replaceFirst("#INO"))
                        : v)
                .toList();
    }

    /** The name {@code vfs_tmpfile} gives an O_TMPFILE file: {@code #} and its inode number. */
    private static final Pattern TMPFILE_INODE = Pattern.compile("^#[0-9]+(?= \\(deleted\\)$)");

    /** {@code a..a+0x4000 rw-p}, with the file offset and path for file mappings. */
    private String describeVma(Vma v) {
        String s = addresses.format(v.start()) + ".." + addresses.formatEnd(v.end()) + " " + v.perms();
        if (!v.path().isEmpty()) {
            s += " off=0x" + Long.toHexString(v.offset()) + " \"" + v.path() + "\"";
        }
        return s;
    }

    // ---- names, processes, output ----

    /** A length or count that must be positive and small enough for one buffer. */
    private int bounded(Expr e, int max, String what) {
        long n = eval(e);
        if (n <= 0 || n > max) {
            throw new StopException(what + " " + n + " is not in [1, " + max + "]");
        }
        return (int) n;
    }

    private long eval(Expr e) {
        return e.eval(this::value);
    }

    private long value(String name) {
        String process = Expr.ProcessId.processOf(name);
        if (process != null) {
            return backend.pid(pidOf(process));
        }
        Long v = values.get(name);
        if (v == null) {
            throw new StopException("'" + name + "' has no value: its call on line " + failedBindings.get(name) + " failed");
        }
        return v;
    }

    private String runningProcess() {
        String p = current.origin().process();
        return p != null ? p : ScenarioParser.MAIN;
    }

    private int pid() {
        return pidOf(runningProcess());
    }

    private int pidOf(String process) {
        Integer pid = processes.get(process);
        if (pid == null) {
            throw new StopException("process '" + process + "' is not running");
        }
        return pid;
    }

    /** Adds the transcript line of the current step: its text and the outcome. */
    private void print(String outcome) {
        Step.Origin o = current.origin();
        emit((o.process() != null ? "in " + o.process() + ": " : "") + o.text() + outcome);
    }

    /** Adds a transcript line, remembering which scenario line printed it (0: none, the final exits). */
    private void emit(String line) {
        transcript.add(line);
        sources.add(current != null ? current.origin().line() : 0);
    }

    private void failExpected(String expected, String got) {
        fail("expected " + expected + ", got " + got);
    }

    private void fail(String message) {
        String where = scenario.file() + (current != null ? ":" + current.origin().line() : "");
        String line = where + ": " + message;
        emit("FAIL " + line);
        if (firstFailure == null) {
            firstFailure = line;
        }
    }

    private String describe(Step.Signalled s) {
        return SignalNames.describe(s.signal(), s.code(), s.address() == null ? null : addresses.format(eval(s.address())));
    }

    private static boolean isError(long raw) {
        return raw < 0 && raw >= -4095;
    }

    private static String errorText(long raw) {
        return "-1 " + ErrnoNames.name((int) -raw);
    }

    private static long pageAlign(long length) {
        return (length + Uapi.PAGE_SIZE - 1) & -Uapi.PAGE_SIZE;
    }

    /** Ends the run: continuing after it would only print noise. */
    private static final class StopException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopException(String message) {
            super(message, null, false, false);
        }
    }
}
