# UFFDIO_MOVE refuses pages that are not exclusive to this process (shared with a child after
# fork) with EBUSY; once the child is gone and a write made the page exclusive again, the move
# works. A forked child cannot use its parent's uffd to move (another mm): EINVAL.
# Source: mm/userfaultfd.c move_pages_pte (PageAnonExclusive), fs/userfaultfd.c userfaultfd_move
# (current->mm); kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
src = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
dst = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 2*PAGE, 0x11)
store(buf, uffdio_register{range={start=dst, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING})
ioctl(u, UFFDIO_REGISTER, buf) = 0
fork() => child
store(buf, uffdio_move{dst=dst, src=src, len=2*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EBUSY
load(buf, uffdio_move) == {move=-16}
in child: store(buf, uffdio_move{dst=dst, src=src, len=PAGE})
in child: ioctl(u, UFFDIO_MOVE, buf) = -1 EINVAL
in child: exit()
# the parent's write after the child is gone reuses the page and makes it exclusive again
store(src, 1, 0x22)
store(buf, uffdio_move{dst=dst, src=src, len=2*PAGE})
ioctl(u, UFFDIO_MOVE, buf) = -1 EAGAIN
load(buf, uffdio_move) == {move=4096}
load(dst, 1) == 0x22
pagemap(src, 2) == none, present|exclusive
