# UFFDIO_MOVE marks what it moves soft-dirty, so that a tracker sees the page arrive: a present
# PTE by bit 11 (pte_mksoft_dirty), a swap entry by the swap bit (pte_swp_mksoft_dirty), even
# when the source was clean since clear_refs. The hardware dirty bit only comes along if the source
# had it: a page MADV_FREE cleaned is still soft-dirty at dst but clean, so PAGEOUT drops it.
# Source: mm/userfaultfd.c move_present_ptes, move_swap_pte; mm/rmap.c try_to_unmap_one.
requires: soft-dirty, uffd, swap, root
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
src = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 3*PAGE, 0x21)
madvise(src+PAGE, PAGE, MADV_PAGEOUT) = 0
madvise(src+2*PAGE, PAGE, MADV_FREE) = 0
write(cr, "4", 1) = 1
pagemap(src, 3) == present|exclusive@P1, swapped@S1, present|exclusive@P2
ioctl(u, UFFDIO_REGISTER, {range={start=dst, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_MOVE, {dst=dst, src=src, len=3*PAGE}) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=dst, len=3*PAGE}) = 0
pagemap(dst, 3) == present|exclusive|soft_dirty@P1, swapped|soft_dirty@S1, present|exclusive|soft_dirty@P2
madvise(dst+2*PAGE, PAGE, MADV_PAGEOUT) = 0
pagemap(dst+2*PAGE, 1) == none
load(dst, 3*PAGE) == 0x21*8192 0*4096
