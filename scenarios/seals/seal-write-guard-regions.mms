# Guard regions on a read-only shared mapping of a write-sealed memfd: installing and removing
# guards only touches page tables, never the file, so the data survives and the seal still
# refuses writes (the memfd_write_seal case of guard-regions.c). The mapping may move with
# mremap; it keeps its lost VM_MAYWRITE, so mprotect to PROT_WRITE stays EACCES.
# Source: tools/testing/selftests/mm/guard-regions.c memfd_write_seal; mm/memfd.c
# memfd_check_seals_mmap; mm/madvise.c (guard install/remove); mm/mremap.c copy_vma.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("guard", MFD_ALLOW_SEALING)
ftruncate(fd, 4*PAGE)
w = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(w, 4*PAGE, 0x6b)
munmap(w, 4*PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
r = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 0)
madvise(r, PAGE, MADV_GUARD_INSTALL) = 0
madvise(r+2*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
load(r, 1) => SIGSEGV SEGV_MAPERR at r
load(r+PAGE, 1) == 0x6b
madvise(r, 4*PAGE, MADV_GUARD_REMOVE) = 0
load(r, 1) == 0x6b
load(r+2*PAGE, 1) == 0x6b
write(fd, buf, 1) = -1 EPERM
madvise(r, 4*PAGE, MADV_REMOVE) = -1 EACCES
mprotect(r, 4*PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
m = mremap(r, 4*PAGE, 8*PAGE, MREMAP_MAYMOVE, 0)
mprotect(m, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
load(m+3*PAGE, 1) == 0x6b
vmflags(m) == rd sh mr me ms gu
