# UFFDIO_MOVE carries the source PTE's dirty bit to the destination instead of always dirtying it:
# a page MADV_FREE made clean stays a clean lazily freed page after the move, so MADV_PAGEOUT of
# the destination drops it (it reads as zeros after), while a page written after MADV_FREE moves
# dirty and keeps its data.
# Source: mm/userfaultfd.c move_present_ptes (pte_mkdirty only when pte_dirty(orig_src_pte));
# mm/rmap.c try_to_unmap_one (a clean lazyfree folio is discarded).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 2*PAGE, 0x5c)
madvise(src, 2*PAGE, MADV_FREE) = 0
store(src+PAGE, 1, 0x5d)
ioctl(u, UFFDIO_REGISTER, {range={start=dst, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_MOVE, {dst=dst, src=src, len=2*PAGE}) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=dst, len=2*PAGE}) = 0
pagemap(dst, 2) == present|exclusive@P1, present|exclusive@P2
madvise(dst, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(dst, 2) == none, present|exclusive@P2
load(dst, 2*PAGE) == 0*4096 0x5d 0x5c*4095
