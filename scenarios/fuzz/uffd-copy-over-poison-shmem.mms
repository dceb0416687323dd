# UFFDIO_COPY into a shared memfd mapping maps over a poison marker: shmem_mfill_atomic_pte only
# refuses a page already in the cache, and mfill_atomic_install_pte overwrites PTE markers.
# Found by mmkit fuzz --seed 9100027 --ops 200 (the model said EEXIST).
requires: uffd
requires: root
uf = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(uf, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 1, 0x5a)
ufm = memfd_create("uffd", 0)
ftruncate(ufm, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, ufm, 0)
ioctl(uf, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(uf, UFFDIO_POISON, {range={start=a, len=PAGE}}) = 0 {updated=4096}
ioctl(uf, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
load(a, 1) == 0x5a
