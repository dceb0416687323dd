# userfaultfd ioctls meet swap entries: COPY and ZEROPAGE onto a swapped page are EEXIST (the entry
# is not pte_none), MOVE of an exclusive swap entry carries it, slot and all, to the destination,
# and MOVE of one that fork shared (no exclusive bit) is EBUSY.
# Source: mm/userfaultfd.c mfill_atomic_install_pte (EEXIST unless pte_none), move_pages_pte
# (pte_swp_exclusive or EBUSY), move_swap_pte.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MOVE}) = 0
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, PAGE, 0x77)
store(src, PAGE, 0x01)
store(src+PAGE, PAGE, 0x02)
store(dst, PAGE, 0x03)
ioctl(u, UFFDIO_REGISTER, {range={start=dst, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
madvise(src, 2*PAGE, MADV_PAGEOUT) = 0
madvise(dst, PAGE, MADV_PAGEOUT) = 0
pagemap(dst, 1) == swapped
ioctl(u, UFFDIO_COPY, {dst=dst, src=buf, len=PAGE}) = -1 EEXIST {copy=-17}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=dst, len=PAGE}}) = -1 EEXIST {zeropage=-17}
ioctl(u, UFFDIO_MOVE, {dst=dst+PAGE, src=src, len=PAGE}) = 0 {move=4096}
pagemap(src, 1) == none
pagemap(dst+PAGE, 1) == swapped
status.VmSwap == 12 kB
load(dst+PAGE, PAGE) == 0x01
load(dst, PAGE) == 0x03
fork() => child
ioctl(u, UFFDIO_MOVE, {dst=dst+2*PAGE, src=src+PAGE, len=PAGE}) = -1 EBUSY {move=-16}
pagemap(dst+2*PAGE, 1) == none
exit(child)
load(src+PAGE, PAGE) == 0x02
