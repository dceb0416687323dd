# UFFDIO_MOVE moves the page itself (the same frame) from src to dst: src becomes empty, dst maps
# the page writable, exclusive and dirty, the bytes come along, `move` reports the bytes moved, a
# missing fault waiting on dst is woken.
# Source: selftests uffd-unit-tests.c "move"; mm/userfaultfd.c move_pages, move_present_pte;
# kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
src = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x11)
store(src+PAGE, PAGE, 0x22)
pagemap(src, 2) == present|exclusive@P1, present|exclusive@P2
store(buf, uffdio_register{range={start=dst, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_move{dst=dst, src=src, len=2*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = 0
load(buf, uffdio_move) == {dst=dst, src=src, len=8192, mode=0x0, move=8192}
pagemap(src, 2) == none
pagemap(dst, 2) == present|exclusive@P1, present|exclusive@P2
load(dst, 1) == 0x11
load(dst+PAGE, 1) == 0x22
store(dst, 1, 0x33)
smaps(dst).Rss == 8 kB
# a missing fault on dst resolved by a move
store(src+2*PAGE, PAGE, 0x44)
spawn t1: load(dst+2*PAGE, 1) == 0x44
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=0x0, address=dst+2*PAGE}}}
store(buf, uffdio_move{dst=dst+2*PAGE, src=src+2*PAGE, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = 0
join t1
# within one VMA: back from dst to dst+3*PAGE
store(buf, uffdio_move{dst=dst+3*PAGE, src=dst, len=PAGE})
ioctl(u, UFFDIO_MOVE, buf) = 0
pagemap(dst, 4) == none, present|exclusive@P2, present|exclusive, present|exclusive@P1
load(dst+3*PAGE, 1) == 0x33
