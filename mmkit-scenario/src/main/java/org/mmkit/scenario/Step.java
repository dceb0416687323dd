package org.mmkit.scenario;

import java.util.List;
import org.mmkit.backend.ProcFile;
import org.mmkit.backend.Syscall;
import org.mmkit.core.abi.CType;

/**
 * One executable line of a scenario (the syntax tree). Every step knows where it came from and
 * which process runs it; expectations are {@code null} when the line states none.
 */
public sealed interface Step {

    /** Where the step was written: its line, the process it runs in, and its text without expectation. */
    record Origin(int line, String process, String text) {
    }

    Origin origin();

    /** A whole-line {@code # comment}: echoed into the transcript so a scenario reads as a story. */
    record Comment(Origin origin) implements Step {
    }

    /**
     * {@code process NAME [privileged | unprivileged]}: starts another process with an empty address
     * space; without a word it is privileged exactly when the scenario requires root, as main is.
     */
    record StartProcess(Origin origin, String name, boolean privileged) implements Step {
    }

    /** What a spawned thread can run: one load, store or system call. */
    sealed interface Spawnable extends Step permits MemoryAccess, Call {
    }

    /**
     * {@code [name =] call(args) [= expected [{member=value, ...}]]} for the system calls of
     * {@link Syscall}; {@code written} states members the kernel writes into an inline struct
     * argument ({@link IoctlArguments}), null when none are stated.
     */
    record Call(Origin origin, String bind, Syscall call, List<Expr> args, Returns expected, Initializer written)
            implements Spawnable {
        Call(Origin origin, String bind, Syscall call, List<Expr> args, Returns expected) {
            this(origin, bind, call, args, expected, null);
        }
    }

    /**
     * {@code [name =] read(fd) [== {event=..., member=value, ...} | = -1 ERRNO]}: one
     * {@code struct uffd_msg} read from a userfaultfd into the scratch area ({@code args} are
     * those of the read), shown flattened ({@link UffdMessages}); {@code bind} names a fork
     * event's new descriptor.
     */
    record ReadMessage(Origin origin, String bind, List<Expr> args, Returns error, List<UffdMessages.Expected> message)
            implements Step {
    }

    /**
     * {@code poll(fd) [== EVENTS | = -1 ERRNO]}: {@code poll} of one descriptor for POLLIN with
     * timeout 0 ({@code args} are those of the poll, the pollfd in the scratch area), showing
     * {@code revents}.
     */
    record PollOne(Origin origin, List<Expr> args, Returns error, Expr revents) implements Step {
    }

    /** {@code mincore(addr, len) [== v v v | = -1 ERRNO]}: one value per page. */
    record Mincore(Origin origin, Expr addr, Expr len, List<Run> expected, Integer expectedErrno) implements Step {
    }

    /**
     * {@code swapoff() [= 0 | = -1 ERRNO]} or {@code swapon()}: switches off, or on again, the swap
     * area the backend lent for {@code requires: swap} ({@link org.mmkit.backend.Backend#switchLentSwap}).
     */
    record SwitchSwap(Origin origin, boolean on, Returns expected) implements Step {
    }

    /**
     * {@code reclaim()}: everything reclaimable of the scenario's processes leaves memory, as
     * memory pressure would take it ({@link org.mmkit.backend.Backend#reclaim}).
     */
    record Reclaim(Origin origin) implements Step {
    }

    /** {@code fork() => child}. */
    record Fork(Origin origin, String child) implements Step {
    }

    /** {@code exit(child)} from another process, or {@code exit()} of the running one. */
    record Exit(Origin origin, String target) implements Step {
    }

    /** A load or store. */
    sealed interface MemoryAccess extends Spawnable {
    }

    /**
     * {@code load(addr, len) [== bytes | => SIGNAL ...]}, or {@code load(addr, TYPE) [== value]}
     * with {@code typed} set (then {@code len} is the type's size and {@code expected} null).
     */
    record Load(Origin origin, Expr addr, Expr len, List<Run> expected, Signalled signal, Typed typed)
            implements MemoryAccess {
    }

    /** The C type a load reads, and the value it should have (null: none stated). */
    record Typed(CType type, Initializer expected) {
    }

    /**
     * {@code store(addr, len, byte)}, {@code store(addr, "text")} or {@code [name =] store(addr,
     * TYPE{...})}, optionally {@code => SIGNAL}; {@code bind} names the stored object's address.
     */
    record Store(Origin origin, Expr addr, Stored data, Signalled signal, String bind) implements MemoryAccess {
    }

    /**
     * {@code spawn NAME: step}: a new thread of the process performs the load, store or system
     * call; {@code join} reports it.
     */
    record Spawn(Origin origin, String thread, Spawnable step) implements Step {
    }

    /**
     * {@code join NAME}: waits for the spawned thread and checks its step. The origin's text is
     * {@code join NAME: step} and its process the spawning one, so the outcome reads as the step.
     * A thread not joined by the scenario is joined where its process exits or the scenario ends;
     * that join's line is the spawn's.
     */
    record Join(Origin origin, Spawn spawn, When when) implements Step {
        /** Where the thread is joined: by a {@code join} line, or implicitly. */
        enum When {
            JOIN_LINE, PROCESS_EXIT, SCENARIO_END
        }

        String thread() {
            return spawn.thread();
        }

        Spawnable step() {
            return spawn.step();
        }
    }

    /**
     * {@code pagemap([fd,] addr, pages) [== flags, flags, ...]}: the process's own pagemap, or the
     * one open as {@code fd} (null for the own), read with {@code pread}.
     */
    record Pagemap(Origin origin, Expr fd, Expr addr, Expr pages, List<PageSpec> expected) implements Step {
    }

    /** {@code pfn([process,] addr) == / != pfn([process,] addr)}: same physical page or not. */
    record PfnCompare(Origin origin, PfnRef left, boolean same, PfnRef right) implements Step {
    }

    /** {@code maps}: the scenario's own lines of {@code /proc/PID/maps}, addresses symbolic. */
    record Maps(Origin origin) implements Step {
    }

    /**
     * {@code maps(addr) [== start..end perms ["path"] | == none]}: the VMA containing an address;
     * {@code perms} is null when nothing is expected, {@link #UNMAPPED} when no VMA is.
     */
    record MapsAt(Origin origin, Expr addr, Expr start, Expr end, String perms, String path) implements Step {
        static final String UNMAPPED = "none";

    }

    /** {@code vmas(addr, len) [== count]}: how many VMAs intersect the range. */
    record Vmas(Origin origin, Expr addr, Expr len, Expr expected) implements Step {
    }

    /** {@code vmflags(addr) [== f... | has f... | lacks f...]}: the VmFlags of smaps. */
    record VmFlags(Origin origin, Expr addr, FlagTest test, List<String> flags) implements Step {
    }

    /** {@code smaps(addr).Field [== value [kB]]}: one field of the VMA's smaps block, in kB. */
    record SmapsField(Origin origin, Expr addr, String field, Expr expectedKb) implements Step {
    }

    /**
     * {@code status.VmRSS [== value [kB]]} (also {@code statm.resident}, {@code smaps_rollup.Pss}):
     * one counter of a whole-process {@code /proc} file, as its change since the process started
     * or was forked.
     */
    record ProcCounter(Origin origin, ProcFile file, String field, Expr expected) implements Step {
    }

    /** What a system call should return: a value, or failure with an errno. */
    sealed interface Returns {
    }

    record ReturnsValue(Expr value) implements Returns {
    }

    record ReturnsError(int errno) implements Returns {
    }

    /** What a store writes. */
    sealed interface Stored {
    }

    /** {@code length} copies of {@code value}, like {@code memset}. */
    record Fill(Expr length, Expr value) implements Stored {
    }

    /** The bytes of a string literal. */
    record Bytes(byte[] bytes) implements Stored {
    }

    /** A C object, {@code TYPE{...}}: its bytes as the ABI lays them out. */
    record Struct(CType type, Initializer value) implements Stored {
    }

    /** An expected signal; {@code code} and {@code address} are null when not stated. */
    record Signalled(int signal, Integer code, Expr address) {
    }

    /** {@code value} repeated {@code count} times ({@code count} null: once, or every element if alone). */
    record Run(Expr value, Expr count) {
    }

    /** Expected pagemap flags of {@code count} pages; {@code frame} a normalised label ({@code P1}, {@code 0}) or null. */
    record PageSpec(long flags, String frame, Expr count) {
    }

    /** One side of a PFN comparison; {@code process} null means the process running the step. */
    record PfnRef(String process, Expr addr) {
    }

    enum FlagTest { EQUALS, HAS, LACKS }
}
