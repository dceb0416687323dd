# MADV_GUARD_INSTALL over pages out in swap zaps their swap entries first, freeing the slots
# (VmSwap drops), and puts guard markers in their place; MADV_GUARD_REMOVE leaves an empty range
# that reads zeros.
# Source: mm/madvise.c madvise_guard_install (zap_page_range_single, then guard_install_set_pte).
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x6e)
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
status.VmSwap == 12 kB
madvise(a, 2*PAGE, MADV_GUARD_INSTALL) = 0
pagemap(a, 3) == swapped|guard*2, swapped@S1
status.VmSwap == 4 kB
load(a+PAGE, 1) => SIGSEGV
madvise(a, 2*PAGE, MADV_GUARD_REMOVE) = 0
pagemap(a, 3) == none*2, swapped@S1
load(a, 2*PAGE+1) == 0x00*8192 0x6e
