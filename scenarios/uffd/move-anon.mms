# uffd-unit-tests.c "move" (anon): dst registered MISSING; each read fault on dst is resolved by
# UFFDIO_MOVE of one page from src (ALLOW_SRC_HOLES); dst then holds src's bytes, src is empty,
# and there are as many missing faults as pages.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MOVE}) = 0
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(src, 2*PAGE, MADV_DONTFORK) = 0
madvise(src, 2*PAGE, MADV_NOHUGEPAGE) = 0
dst = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x01)
store(src+PAGE, PAGE, 0x02)
ioctl(u, UFFDIO_REGISTER, {range={start=dst, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
spawn t0: load(dst, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=dst}
ioctl(u, UFFDIO_MOVE, {dst=dst, src=src, len=PAGE, mode=UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES}) = 0 {move=4096}
join t0
spawn t1: load(dst+PAGE, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=dst+PAGE}
ioctl(u, UFFDIO_MOVE, {dst=dst+PAGE, src=src+PAGE, len=PAGE, mode=UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES}) = 0 {move=4096}
join t1
read(u) = -1 EAGAIN
load(dst, 1) == 0x01
load(dst+PAGE, PAGE) == 0x02
pagemap(src, 2) == none*2
pagemap(dst, 2) == present|exclusive*2
