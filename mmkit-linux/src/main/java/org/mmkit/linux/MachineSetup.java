package org.mmkit.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mmkit.backend.Requirement;

/**
 * Gives the machine what swap and hugetlb scenarios need, when it lacks it and the JVM runs as
 * root, and puts the machine back as it was: {@link #ensure} adds a small swap area (a new zram
 * device, else a swap file) or raises {@code vm.nr_hugepages}, remembering exactly what it
 * changed; {@link #close} undoes exactly that, and so does a shutdown hook if the JVM ends first
 * (an interrupt, an uncaught exception). What the machine already had is never touched.
 *
 * <p>The changes stay small and short-lived: swap on this kind of machine lets reclaim (a DAMON
 * kdamond, say) page out other memory, so the backend keeps it only while one scenario runs.
 */
final class MachineSetup implements AutoCloseable {
    /** nr_hugepages before the setup raised it, and as the kernel had it after (it may reserve fewer). */
    private record HugePagesChange(long previous, long raised) {
    }

    static final long SWAP_BYTES = Requirement.LENT_SWAP_BYTES;
    static final int HUGE_PAGES = 16;
    static final Path NR_HUGEPAGES = Path.of("/proc/sys/vm/nr_hugepages");
    /** Longer than a scenario takes, so that concurrent runs queue instead of skipping. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(60);

    private final List<SwapSource> swapSources;
    private final Thread restoreAtExit = new Thread(this::restoreAtExit, "mmkit machine restore");
    private final Object locking = new Object();
    /** Held from the first ensure as root until close. Guarded by {@link #locking}. */
    private MachineLock lock;
    /** What this setup changed; guarded by this. */
    private SwapArea addedSwap;
    /** Whether a scenario switched {@link #addedSwap} off ({@link #switchAddedSwap}). */
    private boolean addedSwapOff;
    private HugePagesChange hugePagesChange;
    private boolean restoreAtExitRegistered;
    /** Read without the monitor by {@link #lockMachine}, so that a closed setup never takes the lock again. */
    private volatile boolean closed;

    /** Swap from a new zram device, else from a swap file in /var/tmp (a disk, unlike /tmp). */
    MachineSetup() {
        this(List.of(SwapSource.ZRAM, SwapSource.file(Path.of("/var/tmp"))));
    }

    /** @param swapSources tried in order until one provides swap */
    MachineSetup(List<SwapSource> swapSources) {
        this.swapSources = List.copyOf(swapSources);
    }

    /**
     * Makes the machine meet a {@code swap} or {@code hugetlb} requirement if it does not yet.
     *
     * @return null when the machine meets it now, else why it does not and cannot be made to
     */
    String ensure(Requirement requirement) {
        Supplier<String> missing = switch (requirement.kind()) {
            case SWAP -> KernelRequirements::swap;
            case HUGETLB -> KernelRequirements::hugetlb;
            default -> throw new IllegalArgumentException(
                    "the machine setup provides swap and hugetlb, not " + requirement.kind());
        };
        if (!KernelRequirements.root()) {
            String reason = missing.get();
            return reason == null ? null : reason + " (only root can provide it)";
        }
        // Even a machine that has swap needs the lock: that swap may be another run's, about to go.
        String unlocked = lockMachine();
        if (unlocked != null) {
            return unlocked;
        }
        synchronized (this) {
            requireOpen();
            String reason = missing.get();
            if (reason == null) {
                return null;
            }
            if (!registerRestoreAtExit()) {
                return reason + "; the JVM is shutting down";
            }
            String failure = requirement.kind() == Requirement.Kind.SWAP ? addSwap() : addHugePages();
            return failure == null ? null : reason + "; " + failure;
        }
    }

    /**
     * Undoes what {@link #ensure} changed, huge pages first (freeing memory that swapoff may need
     * to bring swapped pages back), and releases the machine to other runs.
     *
     * @throws IllegalStateException when something could not be restored; the message says what
     */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        synchronized (this) {
            closed = true;
            failures.addAll(restore());
            if (restoreAtExitRegistered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(restoreAtExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to; restore() has already left it nothing to do
                }
            }
        }
        synchronized (locking) {
            try {
                if (lock != null) {
                    lock.close();
                }
            } catch (IOException e) {
                failures.add("cannot release " + MachineLock.FILE + ": " + e.getMessage());
            }
            lock = null;
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(notRestored(failures));
        }
    }

    /** Outside the monitor of this, so that a shutdown hook never waits for another run's scenario. */
    private String lockMachine() {
        synchronized (locking) {
            requireOpen();
            if (lock != null) {
                return null;
            }
            try {
                lock = MachineLock.acquire(LOCK_PATIENCE);
            } catch (IOException e) {
                return "cannot lock " + MachineLock.FILE + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for " + MachineLock.FILE;
            }
            return lock != null ? null : "another mmkit run has held " + MachineLock.FILE + " for "
                    + LOCK_PATIENCE.toSeconds() + " s while it changes swap or huge pages";
        }
    }

    /** Checked again after waiting for the lock: a setup closed meanwhile must change nothing. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the machine setup is closed");
        }
    }

    /** False when the JVM is already shutting down: then nothing may be changed. */
    private boolean registerRestoreAtExit() {
        if (!restoreAtExitRegistered) {
            try {
                Runtime.getRuntime().addShutdownHook(restoreAtExit);
            } catch (IllegalStateException shuttingDown) {
                return false;
            }
            restoreAtExitRegistered = true;
        }
        return true;
    }

    private String addSwap() {
        if (addedSwap != null) {
            return "the swap area added before is gone: " + addedSwap.path();
        }
        List<String> failures = new ArrayList<>();
        for (SwapSource source : swapSources) {
            try {
                addedSwap = source.provide(SWAP_BYTES);
                return null;
            } catch (IOException | RuntimeException e) {
                failures.add(source.description() + ": " + e.getMessage());
            }
        }
        return "cannot add swap: " + String.join("; ", failures);
    }

    /** Raises nr_hugepages by {@link #HUGE_PAGES}; the kernel may find fewer free 2 MiB blocks, or none. */
    private String addHugePages() {
        if (hugePagesChange != null) {
            return "the huge pages added before are in use";
        }
        String failure;
        try {
            long previous = nrHugepages();
            Files.writeString(NR_HUGEPAGES, Long.toString(previous + HUGE_PAGES));
            hugePagesChange = new HugePagesChange(previous, nrHugepages());
            if (KernelRequirements.hugetlb() == null) {
                return null;
            }
            failure = "the kernel could not reserve a huge page (no free, unfragmented 2 MiB of memory)";
        } catch (IOException e) {
            failure = "cannot raise " + NR_HUGEPAGES + ": " + e.getMessage();
        }
        // only the huge pages: swap this setup added for the same scenario is undone on close
        return failure + restoreHugePages().map(undone -> "; " + undone).orElse("");
    }

    /** Undoes every change recorded, each once; returns what could not be undone. */
    private synchronized List<String> restore() {
        List<String> failures = new ArrayList<>();
        restoreHugePages().ifPresent(failures::add);
        removeSwap().ifPresent(failures::add);
        return failures;
    }

    private Optional<String> restoreHugePages() {
        if (hugePagesChange == null) {
            return Optional.empty();
        }
        HugePagesChange change = hugePagesChange;
        hugePagesChange = null;
        try {
            long now = nrHugepages();
            if (now != change.raised()) {
                // someone else set it meanwhile: theirs is the newer wish, so it stays
                System.err.println("mmkit: " + NR_HUGEPAGES + " was set to " + now + " by another program during the run; "
                        + "left so, not restored to " + change.previous());
                return Optional.empty();
            }
            Files.writeString(NR_HUGEPAGES, Long.toString(change.previous()));
            long restored = nrHugepages();
            return restored == change.previous() ? Optional.empty()
                    : Optional.of(NR_HUGEPAGES + " is " + restored + " after writing the previous " + change.previous());
        } catch (IOException e) {
            return Optional.of("cannot restore " + NR_HUGEPAGES + " to " + change.previous() + ": " + e.getMessage());
        }
    }

    /**
     * swapoff(2) or swapon(2) of the area {@link #ensure} added, for a scenario's {@code swapoff()}
     * and {@code swapon()}: 0 or {@code -errno}.
     *
     * @throws UnsupportedOperationException when this setup added no area (swap the machine had stays on)
     */
    synchronized long switchAddedSwap(boolean on) {
        requireOpen();
        if (addedSwap == null) {
            throw new UnsupportedOperationException("swapoff() and swapon() act on the swap area lent for 'requires: swap', "
                    + "and the machine lent none (a scenario without the requirement, or swap of the machine's own, which stays on)");
        }
        try {
            int errno = addedSwap.switchTo(on);
            if (errno == 0) {
                addedSwapOff = !on;
            }
            return -errno;
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Optional<String> removeSwap() {
        if (addedSwap == null) {
            return Optional.empty();
        }
        SwapArea swap = addedSwap;
        addedSwap = null;
        try {
            if (addedSwapOff) {
                addedSwapOff = false;
                swap.release().run(); // a scenario switched it off already
                return Optional.empty();
            }
            swap.remove();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot remove the swap area " + swap.path() + ": " + e.getMessage());
        }
    }

    private void restoreAtExit() {
        synchronized (this) {
            closed = true;
            List<String> failures = restore();
            if (!failures.isEmpty()) {
                System.err.println("mmkit: " + notRestored(failures));
            }
        }
    }

    /**
     * In one read: a numeric sysctl answers only a read from offset 0, and Files.readString of a
     * file whose size is 0 reads 1 byte first, so it would see "16" as "1".
     */
    static long nrHugepages() throws IOException {
        return Long.parseLong(Files.readAllLines(NR_HUGEPAGES).getFirst().strip());
    }

    private static String notRestored(List<String> failures) {
        return "the machine is not as it was: " + String.join("; ", failures);
    }
}
