# F_SEAL_FUTURE_WRITE leaves existing shared writable mappings alone: their stores still reach
# the file, and they may be mprotected back to writable. New writes (write(), hole punches,
# MADV_REMOVE) are EPERM, new shared writable mappings EPERM, new shared read-only mappings lose
# VM_MAYWRITE (mprotect: EACCES) and so do not block a later F_SEAL_WRITE; the old writable
# mapping does (EBUSY) until it is unmapped. Private mappings are not affected.
# Source: mm/memfd.c memfd_add_seals, memfd_check_seals_mmap (check_write_seal);
# mm/shmem.c shmem_write_begin, shmem_fallocate; mm/madvise.c madvise_remove;
# selftests memfd_test.c test_seal_future_write.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("future", MFD_ALLOW_SEALING)
ftruncate(fd, 2*PAGE)
w = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_FUTURE_WRITE
store(w, 1, 0x42)
read(fd, buf, 1) = 1
load(buf, 1) == 0x42
lseek(fd, 0, SEEK_SET) = 0
write(fd, buf, 1) = -1 EPERM
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, PAGE) = -1 EPERM
madvise(w, PAGE, MADV_REMOVE) = -1 EPERM
load(w, 1) == 0x42
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0) = -1 EPERM
r = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(r, 1) == 0x42
mprotect(r, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
vmflags(r) == rd sh mr me ms
vmflags(w) == rd wr sh mr mw me ms
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 1, 0x99)
load(r, 1) == 0x42
mprotect(w, PAGE, PROT_READ) = 0
mprotect(w, PAGE, PROT_READ|PROT_WRITE) = 0
store(w+PAGE, 1, 0x43)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = -1 EBUSY
munmap(w, 2*PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_WRITE|F_SEAL_FUTURE_WRITE
lseek(fd, PAGE, SEEK_SET) = PAGE
read(fd, buf, 1) = 1
load(buf, 1) == 0x43
