package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;

/**
 * Names of anonymous VMAs: {@code prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, addr, len, name)}
 * ({@code kernel/sys.c: prctl_set_vma}, {@code mm/madvise.c: madvise_set_anon_name}), built with
 * CONFIG_ANON_VMA_NAME ({@link org.mmkit.core.KernelConfig#anonVmaName}); without it every
 * PR_SET_VMA call is EINVAL. A name is stored per VMA ({@link Vma#anonName}), splits and merges
 * VMAs as a flag does, and is copied by fork and mremap.
 */
final class AnonNames {
    private AnonNames() {
    }

    /** {@code ANON_VMA_NAME_MAX_LEN}: the longest name with its NUL. */
    private static final int MAX_LEN = 80;
    /** Printable characters that a name may still not hold ({@code ANON_VMA_NAME_INVALID_CHARS}). */
    private static final String INVALID_CHARS = "\\`$[]";

    /**
     * The {@code PR_SET_VMA} prctl: {@code opt} must be PR_SET_VMA_ANON_NAME; the name is read
     * from {@code nameAddr} (NULL clears names) up to its NUL — EFAULT if unreadable, EINVAL if
     * longer than 79 bytes or holding a byte outside 0x20..0x7e or one of {@code \ ` $ [ ]} — and
     * given to every VMA of the page-rounded range. EINVAL for an unaligned start or a wrapping
     * range; EBADF, stopping there, at a file mapping that is not shared anonymous memory;
     * ENOMEM, after naming the rest, if part of the range is unmapped.
     */
    static void setVma(Task task, long opt, long start, long len, long nameAddr) {
        if (!task.machine.config.anonVmaName() || opt != PR_SET_VMA_ANON_NAME) {
            throw Errno.EINVAL.exception();
        }
        String name = nameAddr == 0 ? null : readName(task, nameAddr);
        long end = MmapCall.rangeEnd(start, len);
        if (end == start) {
            return;
        }
        Mm mm = task.mm;
        AdviseCall.walk(mm, start, end, (vma, from, to) -> {
            if (vma.file != null && !vma.file.isAnonShmem()) {
                throw Errno.EBADF.exception();
            }
            mm.modify(vma, from, to, vma.flags, name);
        });
    }

    /** {@code strndup_user} of at most {@link #MAX_LEN} bytes, then the character check. */
    private static String readName(Task task, long addr) {
        StringBuilder name = new StringBuilder();
        byte[] one = new byte[1];
        for (int i = 0; ; i++) {
            if (i == MAX_LEN) {
                throw Errno.EINVAL.exception(); // no NUL within the limit
            }
            UserCopy.copyFromUserOrFault(task, addr + i, one);
            if (one[0] == 0) {
                break;
            }
            name.append((char) (one[0] & 0xff));
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 0x20 || ch > 0x7e || INVALID_CHARS.indexOf(ch) >= 0) {
                throw Errno.EINVAL.exception();
            }
        }
        return name.toString();
    }

    /** The maps name of an anonymous VMA with a name ({@code get_vma_name}), or null. */
    static String mapsName(Vma vma) {
        if (vma.anonName == null) {
            return null;
        }
        return (vma.file != null ? "[anon_shmem:" : "[anon:") + vma.anonName + "]";
    }
}
