# UFFDIO_MOVE's rules: mode bits other than DONTWAKE|ALLOW_SRC_HOLES, unaligned or zero ranges
# are EINVAL; src and dst must each lie in one private anonymous writable VMA with the same access
# flags, and dst must be registered with this uffd, else EINVAL; an unmapped dst or src start is
# ENOENT; a dst page already there is EEXIST; a src hole is ENOENT unless ALLOW_SRC_HOLES (then it
# counts as moved); an error after some pages is EAGAIN with `move` = the bytes done.
# Source: fs/userfaultfd.c userfaultfd_move, mm/userfaultfd.c move_pages, validate_move_areas,
# move_pages_pte; kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
src = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
other = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ro = mmap(NULL, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("mv", 0)
ftruncate(fd, 4*PAGE) = 0
sh = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(src, 4*PAGE, 0x11)
store(sh, PAGE, 0x22)
store(buf, uffdio_register{range={start=dst, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_register{range={start=ro, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING})
ioctl(u, UFFDIO_REGISTER, buf) = 0
# mode and alignment
store(buf, uffdio_move{dst=dst, src=src, len=PAGE, mode=4})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst+1, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst, src=src+1, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst, src=src, len=PAGE+1})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
# a range the call refuses before moving leaves `move` as it was
store(buf, uffdio_move{dst=dst, src=src, len=0})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
load(buf, uffdio_move) == {move=0}
# VMAs
store(buf, uffdio_move{dst=other, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst, src=sh, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst, src=ro, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=ro, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst+2*PAGE, src=src, len=4*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
store(buf, uffdio_move{dst=dst, src=src+2*PAGE, len=4*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
munmap(other, 4*PAGE) = 0
store(buf, uffdio_move{dst=other, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 ENOENT
store(buf, uffdio_move{dst=dst, src=other, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 ENOENT
pagemap(src, 4) == present|exclusive
# per page: EEXIST at dst, ENOENT for a src hole, partial success as EAGAIN
store(buf, uffdio_move{dst=dst+PAGE, src=src, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = 0
store(buf, uffdio_move{dst=dst, src=src+PAGE, len=2*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EAGAIN
load(buf, uffdio_move) == {move=4096}
store(buf, uffdio_move{dst=dst+PAGE, src=src+2*PAGE, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EEXIST
load(buf, uffdio_move) == {move=-17}
madvise(src+2*PAGE, PAGE, MADV_DONTNEED) = 0
store(buf, uffdio_move{dst=dst+2*PAGE, src=src+2*PAGE, len=2*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 ENOENT
load(buf, uffdio_move) == {move=-2}
store(buf, uffdio_move{dst=dst+2*PAGE, src=src+2*PAGE, len=2*PAGE, mode=UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES})
ioctl(u, UFFDIO_MOVE, buf) = 0
load(buf, uffdio_move) == {move=8192}
pagemap(dst, 4) == present|exclusive*2, none, present|exclusive
pagemap(src, 4) == none
load(dst, 2*PAGE) == 0x11
load(dst+3*PAGE, PAGE) == 0x11
