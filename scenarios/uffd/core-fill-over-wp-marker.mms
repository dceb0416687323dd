# mm/userfaultfd.c: ZEROPAGE and POISON need a strictly empty PTE (a uffd-wp marker is EEXIST);
# COPY with UFFDIO_COPY_MODE_WP maps the page uffd-wp; UNREGISTER drops the marker and the bit.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = 0
pagemap(a+PAGE, 1) == present|exclusive|uffd_wp
load(a+PAGE, 1) == 0
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=3*PAGE}) = 0
pagemap(a, 2) == none, present|exclusive
store(a+PAGE, 1, 3)
