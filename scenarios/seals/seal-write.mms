# F_SEAL_WRITE needs no shared mapping that may become writable: a shared read-only mapping of a
# file opened for writing keeps VM_MAYWRITE and counts (EBUSY); a private one does not. Once
# sealed: write() is EPERM (an empty write still returns 0, before any seal check), a hole punch
# is EPERM, a new shared writable mapping is EPERM, a shared read-only one is allowed but loses
# VM_MAYWRITE (mprotect to PROT_WRITE: EACCES), private mappings write their own copies, and the
# file may still change size and be fallocated within.
# Source: mm/memfd.c memfd_add_seals (mapping_deny_writable), memfd_check_seals_mmap;
# mm/shmem.c shmem_write_begin, shmem_fallocate; mm/mprotect.c do_mprotect_pkey (VM_MAY*);
# selftests memfd_test.c test_seal_write.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("write", MFD_ALLOW_SEALING)
ftruncate(fd, 2*PAGE)
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = -1 EBUSY
munmap(s, PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_WRITE
write(fd, buf, 1) = -1 EPERM
write(fd, buf, 0) = 0
write(fd, NULL, 1) = -1 EPERM
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, PAGE) = -1 EPERM
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0) = -1 EPERM
mmap(NULL, PAGE, PROT_WRITE, MAP_SHARED_VALIDATE, fd, 0) = -1 EPERM
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, fd, 0)
mprotect(r, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
mprotect(r, PAGE, PROT_READ|PROT_EXEC) = 0
load(r, 1) == 0
store(p, 1, 0x5a)
load(p, 1) == 0x5a
load(r+PAGE, 1) == 0
pw = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(pw, 1, 0x77)
load(r, 1) == 0
ftruncate(fd, 3*PAGE) = 0
fallocate(fd, 0, 0, 3*PAGE) = 0
ftruncate(fd, PAGE) = 0
