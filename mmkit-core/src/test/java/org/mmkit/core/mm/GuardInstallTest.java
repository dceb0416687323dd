package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.mmkit.core.UserStrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.SimProcess;

/**
 * {@code madvise_guard_install} (mm/madvise.c): every guarded VMA is flagged VM_MAYBE_GUARD, but only
 * an anonymous one gets an anon_vma, so a guarded file VMA still merges with neighbours that have
 * none (scenarios/fuzz/guard-file-vma-still-merges.mms, compared with the kernel).
 */
class GuardInstallTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private Vma vma(Task t, long va) {
        return t.call(() -> t.mm.findVma(va));
    }

    private long fileMapping(int type) {
        int fd = UserStrings.memfd(task, "f", 0);
        task.ftruncate(fd, 8 * PAGE_SIZE);
        return task.mmap(0, 6 * PAGE_SIZE, PROT_READ | PROT_WRITE, type, fd, 0);
    }

    @Test
    void aGuardedSharedFileVmaMergesAgainAfterDofork() {
        long a = fileMapping(MAP_SHARED);
        task.madvise(a + 2 * PAGE_SIZE, 4 * PAGE_SIZE, MADV_DONTFORK);
        task.madvise(a + PAGE_SIZE, 2 * PAGE_SIZE, MADV_GUARD_INSTALL);
        assertThat(vma(task, a).anonVma).isNull();
        assertThat(vma(task, a + 5 * PAGE_SIZE).anonVma).isNull();

        task.madvise(a, 6 * PAGE_SIZE, MADV_DOFORK);

        Vma merged = vma(task, a);
        assertThat(merged.start).isEqualTo(a);
        assertThat(merged.end).isEqualTo(a + 6 * PAGE_SIZE);
        assertThat(merged.has(VmFlags.MAYBE_GUARD)).isTrue();
        kernel.checkInvariants();
    }

    @Test
    void aGuardedPrivateFileVmaMergesAgainAfterMprotect() {
        long a = fileMapping(MAP_PRIVATE);
        task.mprotect(a + 3 * PAGE_SIZE, 3 * PAGE_SIZE, PROT_READ);
        task.madvise(a + 2 * PAGE_SIZE, 2 * PAGE_SIZE, MADV_GUARD_INSTALL);

        task.mprotect(a, 6 * PAGE_SIZE, PROT_READ | PROT_WRITE);

        Vma merged = vma(task, a);
        assertThat(merged.end).isEqualTo(a + 6 * PAGE_SIZE);
        assertThat(merged.anonVma).isNull();
        kernel.checkInvariants();
    }

    @Test
    void forkCopiesTheMarkersOfAFileVmaWithoutAnAnonVma() {
        long a = fileMapping(MAP_SHARED);
        task.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_GUARD_INSTALL);

        SimProcess child = task.fork();

        assertThatThrownBy(() -> child.loadLong(a + PAGE_SIZE)).isInstanceOf(MemoryFault.class);
        assertThat(child.loadLong(a)).isZero();
        kernel.checkInvariants();
    }

    @Test
    void anAnonymousVmaStillGetsItsAnonVma() {
        long a = task.mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        task.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_GUARD_INSTALL);
        assertThat(vma(task, a).anonVma).isNotNull();
        assertThat(vma(task, a).has(VmFlags.MAYBE_GUARD)).isTrue();
    }
}
