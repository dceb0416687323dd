package org.mmkit.core.mm;

/**
 * {@code vm_flags} of a VMA, at the bit positions of Linux 6.18 x86-64
 * ({@code include/linux/mm.h}); smaps prints them in bit order with the two-letter mnemonics of
 * {@code show_smap_vma_flags}.
 */
final class VmFlags {
    private VmFlags() {
    }

    static final long READ = 1L;
    static final long WRITE = 1L << 1;
    static final long EXEC = 1L << 2;
    static final long SHARED = 1L << 3;
    static final long MAYREAD = 1L << 4;
    static final long MAYWRITE = 1L << 5;
    static final long MAYEXEC = 1L << 6;
    static final long MAYSHARE = 1L << 7;
    static final long GROWSDOWN = 1L << 8;
    static final long UFFD_MISSING = 1L << 9;
    static final long PFNMAP = 1L << 10;
    /** {@code VM_MAYBE_GUARD}: guard markers were installed somewhere in the VMA; never cleared. */
    static final long MAYBE_GUARD = 1L << 11;
    static final long UFFD_WP = 1L << 12;
    static final long LOCKED = 1L << 13;
    static final long IO = 1L << 14;
    static final long SEQ_READ = 1L << 15;
    static final long RAND_READ = 1L << 16;
    static final long DONTCOPY = 1L << 17;
    static final long DONTEXPAND = 1L << 18;
    static final long LOCKONFAULT = 1L << 19;
    static final long ACCOUNT = 1L << 20;
    static final long NORESERVE = 1L << 21;
    static final long HUGETLB = 1L << 22;
    static final long SYNC = 1L << 23;
    static final long ARCH_1 = 1L << 24;
    static final long WIPEONFORK = 1L << 25;
    static final long DONTDUMP = 1L << 26;
    static final long SOFTDIRTY = 1L << 27;
    static final long MIXEDMAP = 1L << 28;
    static final long HUGEPAGE = 1L << 29;
    static final long NOHUGEPAGE = 1L << 30;
    static final long MERGEABLE = 1L << 31;
    static final long DROPPABLE = 1L << 40;
    static final long UFFD_MINOR = 1L << 41;
    /** {@code VM_SEALED} (64-bit only): mseal'd, so the VMA's range and protection stay as they are. */
    static final long SEALED = 1L << 42;

    /** {@code VM_SPECIAL}: mappings that never merge, expand or get THP. */
    static final long SPECIAL = IO | DONTEXPAND | PFNMAP | MIXEDMAP;
    /** {@code VM_LOCKED_MASK}. */
    static final long LOCKED_MASK = LOCKED | LOCKONFAULT;
    /**
     * {@code VM_STICKY}: flags that do not stop VMAs from merging and that a merged VMA keeps if
     * any part had them ({@code VM_IGNORE_MERGE}).
     */
    static final long STICKY = SOFTDIRTY | MAYBE_GUARD;
    /** {@code __VM_UFFD_FLAGS}: the userfaultfd registration modes. */
    static final long UFFD_FLAGS = UFFD_MISSING | UFFD_WP | UFFD_MINOR;
    /** {@code VM_ACCESS_FLAGS}. */
    static final long ACCESS = READ | WRITE | EXEC;

    private static final String[] MNEMONICS = new String[64];

    static {
        String[][] table = {
            {"rd", "0"}, {"wr", "1"}, {"ex", "2"}, {"sh", "3"}, {"mr", "4"}, {"mw", "5"}, {"me", "6"},
            {"ms", "7"}, {"gd", "8"}, {"um", "9"}, {"pf", "10"}, {"gu", "11"}, {"uw", "12"}, {"lo", "13"}, {"io", "14"},
            {"sr", "15"}, {"rr", "16"}, {"dc", "17"}, {"de", "18"}, {"lf", "19"}, {"ac", "20"},
            {"nr", "21"}, {"ht", "22"}, {"sf", "23"}, {"ar", "24"}, {"wf", "25"}, {"dd", "26"},
            {"sd", "27"}, {"mm", "28"}, {"hg", "29"}, {"nh", "30"}, {"mg", "31"}, {"dp", "40"}, {"ui", "41"}, {"sl", "42"},
        };
        for (String[] row : table) {
            MNEMONICS[Integer.parseInt(row[1])] = row[0];
        }
    }

    /** {@code calc_vm_prot_bits}: PROT_READ/WRITE/EXEC to VM_READ/WRITE/EXEC (same bit values). */
    static long fromProt(long prot) {
        return prot & ACCESS;
    }

    /** The smaps {@code VmFlags:} value, each mnemonic followed by a space as the kernel prints it. */
    static String mnemonics(long flags) {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < 64; bit++) {
            if ((flags & (1L << bit)) != 0 && MNEMONICS[bit] != null) {
                out.append(MNEMONICS[bit]).append(' ');
            }
        }
        return out.toString();
    }
}
