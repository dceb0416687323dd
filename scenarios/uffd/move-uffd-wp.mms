# UFFDIO_MOVE and write protection: a moved uffd-wp page arrives writable and unprotected (the new
# PTE is built from dst's protection, made writable and dirty); a uffd-wp marker at src is EFAULT
# (a non-swap entry that is not a migration entry), one at dst is EEXIST (not pte_none).
# Source: mm/userfaultfd.c move_present_pte, move_pages_pte; kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
src = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 2*PAGE, 0x11)
store(buf, uffdio_register{range={start=dst, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_register{range={start=src, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=src, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(buf, uffdio_writeprotect{range={start=dst+3*PAGE, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(src, 4) == present|uffd_wp|exclusive@P1, present|uffd_wp|exclusive@P2, swapped|uffd_wp*2
pagemap(dst, 4) == none*3, swapped|uffd_wp
store(buf, uffdio_move{dst=dst, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = 0
pagemap(dst, 4) == present|exclusive@P1, none*2, swapped|uffd_wp
pagemap(src, 4) == none, present|uffd_wp|exclusive@P2, swapped|uffd_wp*2
store(dst, 1, 0x22)
read(u, buf, 32) = -1 EAGAIN
store(buf, uffdio_move{dst=dst+PAGE, src=src+2*PAGE, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EFAULT
store(buf, uffdio_move{dst=dst+PAGE, src=src+2*PAGE, len=PAGE, mode=UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES})
ioctl(u, UFFDIO_MOVE, buf) = -1 EFAULT
store(buf, uffdio_move{dst=dst+3*PAGE, src=src+PAGE, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EEXIST
pagemap(dst, 4) == present|exclusive@P1, none*2, swapped|uffd_wp
load(dst, 1) == 0x22
