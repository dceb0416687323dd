package org.mmkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mmkit.core.SimThread;
import org.mmkit.core.Uapi;

/**
 * {@code threads-16-faults}: {@link ModelSetup#THREADS} threads of one process, each on its own
 * Java thread, write to every page of their own slice of one fresh mapping of {@code ops} pages, all
 * at once. One operation is one fault; the time runs from starting the threads to the last one
 * ending, as the C program's does with pthreads.
 */
final class ThreadFaults extends FreshMapping {
    private final List<SimThread> threads = new ArrayList<>();

    ThreadFaults() {
        super(ModelSetup.kernel(false));
        for (int t = 0; t < ModelSetup.THREADS; t++) {
            threads.add(process.newThread());
        }
    }

    @Override
    public void run(int ops) {
        long slice = ops / ModelSetup.THREADS;
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < ModelSetup.THREADS; t++) {
            SimThread thread = threads.get(t);
            long first = start + t * slice * Uapi.PAGE_SIZE;
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    for (long i = 0; i < slice; i++) {
                        thread.storeLong(first + i * Uapi.PAGE_SIZE, 1);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while faulting threads ran", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
