package org.mmkit.linux;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Only one machine setup at a time may decide about swap and huge pages on this machine: else a
 * run that finds the swap another run added would lose it when that run restores the machine.
 * The lock is a file lock, for runs in other JVMs, taken after a semaphore for setups in this
 * JVM (a JVM holds file locks for itself, so two of its threads cannot wait on one).
 */
final class MachineLock implements AutoCloseable {
    static final Path FILE = Path.of("/run/lock/mmkit-machine-setup.lock");
    private static final Semaphore IN_THIS_JVM = new Semaphore(1, true);
    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code patience} for the lock; null if another setup held it all that time. */
    static MachineLock acquire(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        if (!IN_THIS_JVM.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        FileChannel channel = null;
        MachineLock acquired = null;
        try {
            channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
                Thread.sleep(POLL_MILLIS);
            }
            acquired = new MachineLock(channel, lock);
            return acquired;
        } finally {
            if (acquired == null) {
                if (channel != null) {
                    channel.close();
                }
                IN_THIS_JVM.release();
            }
        }
    }

    /** Releases the lock; the file stays, so that every run locks the same inode. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_JVM.release();
        }
    }
}
