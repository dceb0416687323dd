# mremap moves swap entries with their slots, and mprotect leaves them as they are: the page comes
# back from the same slot at the new address, read-only after PROT_READ, writable again after
# PROT_READ|PROT_WRITE (still exclusive, so without a copy).
# Source: mm/mremap.c move_ptes; mm/mprotect.c change_pte_range (swap entries of a private
# mapping keep their bits); mm/memory.c do_swap_page.
requires: root, swap
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
store(a, 2*PAGE, 0x51)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+16*PAGE) = r+0x10000
pagemap(r+16*PAGE, 2) == swapped@S1, swapped@S2
mprotect(r+16*PAGE, 2*PAGE, PROT_READ) = 0
pagemap(r+16*PAGE, 2) == swapped@S1, swapped@S2
load(r+16*PAGE, 1) == 0x51
pagemap(r+16*PAGE, 2) == present|exclusive@P1, swapped@S2
store(r+16*PAGE, 1, 0x52) => SIGSEGV
mprotect(r+16*PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(r+16*PAGE, 1, 0x52)
pagemap(r+16*PAGE, 1) == present|exclusive@P1
store(r+16*PAGE+PAGE, 1, 0x53)
load(r+16*PAGE, PAGE+1) == 0x52 0x51*4095 0x53
status.VmSwap == 0 kB
