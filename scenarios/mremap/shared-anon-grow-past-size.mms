# A shared anonymous mapping is backed by a shmem object of the size first mapped:
# grown by mremap (or duplicated with old_len 0 at a larger size), the part past that
# size raises SIGBUS.
# Source: kernel-spec.md §9.4; mm/shmem.c (faults past i_size).
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, 6*PAGE) = 0
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 2*PAGE, 0x73)
mremap(a, 2*PAGE, 4*PAGE, 0, 0) = a
maps(a) == a..a+4*PAGE rw-s "/dev/zero (deleted)"
load(a, 2*PAGE) == 0x73
load(a+2*PAGE, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
b = mremap(a, 0, 3*PAGE, MREMAP_MAYMOVE, 0)
load(b, 2*PAGE) == 0x73
load(b+2*PAGE, 1) => SIGBUS BUS_ADRERR at b+2*PAGE
