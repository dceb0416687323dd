# MADV_POPULATE_READ, MADV_POPULATE_WRITE and mlock fault swapped pages back in through the fault
# path, as an access would: each page returns exclusive with its data, and the slots are freed.
# Source: mm/madvise.c madvise_populate, mm/gup.c populate_vma_page_range (handle_mm_fault →
# do_swap_page).
requires: root, swap
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 6*PAGE, 0x71)
madvise(a, 6*PAGE, MADV_PAGEOUT) = 0
status.VmSwap == 24 kB
madvise(a, 2*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 3) == present|exclusive*2, swapped
madvise(a+2*PAGE, 2*PAGE, MADV_POPULATE_WRITE) = 0
pagemap(a+2*PAGE, 3) == present|exclusive*2, swapped
status.VmSwap == 8 kB
mlock(a+4*PAGE, 2*PAGE) = 0
pagemap(a+4*PAGE, 2) == present|exclusive*2
status.VmSwap == 0 kB
smaps(a+4*PAGE).Locked == 8 kB
load(a, 6*PAGE) == 0x71
