# A multi-VMA mremap move (MREMAP_FIXED, same length) takes a userfaultfd-registered VMA only
# when the range lies within it (vma_multi_allowed: its events would need the mmap lock dropped):
# as a later VMA of the range it is EFAULT and the VMAs before it stay moved; as the first, with
# more of the range after it (another VMA or a gap), it is EFAULT and nothing moves. DONTUNMAP
# moves the same way; a range inside the registered VMA moves it, and the copy is no longer
# registered.
# Found by mmkit fuzz --seed 1000 --ops 300 (the model moved every VMA).
# Source: mm/mremap.c remap_move, vma_multi_allowed (userfaultfd_armed); observed on 6.18.
requires: uffd
requires: root
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
mprotect(r+4*PAGE, 4*PAGE, PROT_READ) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=r+8*PAGE, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
vmas(r, 16*PAGE) == 4
mremap(r+4*PAGE, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = -1 EFAULT
maps(r+40*PAGE) == r+40*PAGE..r+44*PAGE r--p
maps(r+4*PAGE) == none
maps(r+8*PAGE) == r+8*PAGE..r+12*PAGE ---p
mremap(r+8*PAGE, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+48*PAGE) = -1 EFAULT
mremap(r+8*PAGE, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+48*PAGE) = -1 EFAULT
maps(r+8*PAGE) == r+8*PAGE..r+12*PAGE ---p
maps(r+48*PAGE) == r+44*PAGE..r+64*PAGE ---p
munmap(r+12*PAGE, 2*PAGE) = 0
mremap(r+8*PAGE, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+48*PAGE) = -1 EFAULT
mremap(r+8*PAGE, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+56*PAGE) = r+56*PAGE
maps(r+56*PAGE) == r+56*PAGE..r+60*PAGE ---p
vmflags(r+56*PAGE) lacks uw
