package org.mmkit.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A v1 memory cgroup of the backend's own for a {@code requires: memcg} scenario, in which
 * {@code reclaim()} makes the kernel reclaim what the scenario's processes have in memory.
 *
 * <p>{@link #ensure} creates it below the JVM's own memory group (so whatever limits the machine
 * puts on the JVM hold for the scenario too); {@link #join} moves a new scenario process in once
 * it has settled its own image, so that only pages it touches afterwards are charged to the group
 * (v1 moves no charges with a task: {@code memory.move_charge_at_immigrate} stays 0), and children
 * it forks are born in it. {@link #forceEmpty} writes {@code memory.force_empty}: the kernel
 * reclaims the group's pages until none is left or nothing more goes ({@code mem_cgroup_force_empty}).
 * {@link #close} removes the group once its processes are gone; a shutdown hook does the same if
 * the JVM ends first, and groups a killed JVM left behind are removed by the next one.
 */
final class MemoryGroup implements AutoCloseable {
    /** Where the v1 memory controller is mounted. */
    static final Path HIERARCHY = Path.of("/sys/fs/cgroup/memory");
    /** The names of the groups this class creates: the JVM's pid and a count. */
    private static final Pattern NAME = Pattern.compile("mmkit-(\\d+)-\\d+");
    private static final AtomicInteger CREATED = new AtomicInteger();
    /** How long {@link #close} waits for the killed processes to leave the group. */
    private static final Duration REMOVE_PATIENCE = Duration.ofSeconds(10);

    private final Thread removeAtExit = new Thread(this::removeAtExit, "mmkit memory group removal");
    /** The group's directory once created, until removed. Guarded by this. */
    private Path group;

    /**
     * Creates the group if it does not exist yet.
     *
     * @return null when the group exists now, else why it cannot
     */
    synchronized String ensure() {
        if (group != null) {
            return null;
        }
        String unavailable = unavailable();
        if (unavailable != null) {
            return unavailable;
        }
        Path parent;
        try {
            parent = ownGroup();
        } catch (IOException e) {
            return "cannot tell this process's memory cgroup: " + e.getMessage();
        }
        removeLeftovers(parent);
        Path created = parent.resolve("mmkit-" + ProcessHandle.current().pid() + "-" + CREATED.incrementAndGet());
        try {
            Runtime.getRuntime().addShutdownHook(removeAtExit);
        } catch (IllegalStateException shuttingDown) {
            return "the JVM is shutting down";
        }
        try {
            Files.createDirectory(created);
        } catch (IOException e) {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
            return "cannot create the memory cgroup " + created + ": " + e;
        }
        group = created;
        return null;
    }

    /** Moves a scenario process into the group, if there is one. */
    synchronized void join(long pid) {
        if (group == null) {
            return;
        }
        try {
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
        } catch (IOException e) {
            throw new IllegalStateException("cannot move process " + pid + " into " + group + ": " + e, e);
        }
    }

    /**
     * Reclaims everything reclaimable of the group's processes.
     *
     * @throws UnsupportedOperationException when no group was created ({@code requires: memcg} missing)
     */
    synchronized void forceEmpty() {
        if (group == null) {
            throw new UnsupportedOperationException("reclaim() needs 'requires: memcg': the scenario's processes "
                    + "are in no memory cgroup of their own");
        }
        try {
            Files.writeString(group.resolve("memory.force_empty"), "0");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + group.resolve("memory.force_empty") + ": " + e, e);
        }
    }

    /**
     * Removes the group; call once its processes are killed. It waits for them to be reaped.
     *
     * @throws IllegalStateException when the group is still there; the message says why
     */
    @Override
    public void close() {
        String failure;
        synchronized (this) {
            if (group == null) {
                return;
            }
            failure = remove(REMOVE_PATIENCE);
            try {
                Runtime.getRuntime().removeShutdownHook(removeAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; the group is already gone
            }
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The JVM ends before {@link #close}: its processes are killed first, so that the group can go. */
    private synchronized void removeAtExit() {
        if (group == null) {
            return;
        }
        try {
            for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // remove() says what is left
        }
        String failure = remove(REMOVE_PATIENCE);
        if (failure != null) {
            System.err.println("mmkit: " + failure);
        }
    }

    /** rmdir until the group's last process is reaped (EBUSY until then); null once it is gone. Guarded by this. */
    private String remove(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                Files.delete(group);
                group = null;
                return null;
            } catch (NoSuchFileException gone) {
                group = null;
                return null;
            } catch (IOException e) {
                if (System.nanoTime() - deadline > 0) {
                    return "cannot remove the memory cgroup " + group + ": " + e;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while removing the memory cgroup " + group;
            }
        }
    }

    /** Groups of this class whose JVM is gone; one still holding processes stays (rmdir refuses it). */
    private static void removeLeftovers(Path parent) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, "mmkit-*")) {
            for (Path child : children) {
                Matcher name = NAME.matcher(child.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    try {
                        Files.delete(child);
                    } catch (IOException stillUsed) {
                        // its processes live on: left to whoever killed their JVM
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // nothing to clean, or nothing this run may clean
        }
    }

    /** Null when this JVM can create a group of its own, else why not. */
    static String unavailable() {
        if (!KernelRequirements.root()) {
            return "needs root to create a memory cgroup; the effective uid is " + KernelRequirements.effectiveUid();
        }
        try {
            Path own = ownGroup();
            return own != null && Files.exists(own.resolve("memory.force_empty")) ? null
                    : "needs the v1 memory controller mounted at " + HIERARCHY;
        } catch (IOException e) {
            return "cannot tell this process's memory cgroup: " + e.getMessage();
        }
    }

    /** The JVM's own group in the v1 memory hierarchy ({@code N:memory:/path} in /proc/self/cgroup), or null. */
    private static Path ownGroup() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && List.of(fields[1].split(",")).contains("memory")) {
                return HIERARCHY.resolve(fields[2].substring(1));
            }
        }
        return null;
    }
}
