# kernel-spec §4.6: a COPY that stops part-way returns EAGAIN with copy = the bytes done (here the
# third page is already present: two pages are copied, then EEXIST stops it).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 4*PAGE, 0x71)
store(a+2*PAGE, 1, 0x72)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=4*PAGE}) = -1 EAGAIN {copy=8192}
pagemap(a, 4) == present|exclusive*3, none
load(a+PAGE, 1) == 0x71
load(a+2*PAGE, 1) == 0x72
# the first page is the one in the way: nothing is done, EEXIST
ioctl(u, UFFDIO_COPY, {dst=a+2*PAGE, src=src, len=2*PAGE}) = -1 EEXIST {copy=-17}
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=src, len=PAGE}) = 0 {copy=4096}
