# kernel-spec §4.6: COPY with MODE_WP into a MISSING|WP registration maps the page
# write-protected (pagemap bit 57); a write to it is then a WP fault (flags WRITE|WP), resolved by
# WRITEPROTECT mode 0.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x4e)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = 0 {copy=4096}
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
pagemap(a, 2) == present|exclusive|uffd_wp, present|exclusive
load(a, 1) == 0x4e
spawn t1: store(a, 1, 0x4f)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
join t1
load(a, 2) == 0x4f 0x4e
pagemap(a, 1) == present|exclusive
