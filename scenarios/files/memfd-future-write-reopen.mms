# Port of memfd_test.c test_seal_future_write: after F_SEAL_FUTURE_WRITE an existing shared
# writable mapping still writes, but write() fails with EPERM through every descriptor, a new
# shared writable mapping is EPERM, and a read-only shared one cannot be made writable (EACCES);
# a descriptor reopened through /proc/self/fd/N obeys the same seal.
# Source: tools/testing/selftests/memfd/memfd_test.c test_seal_future_write,
# mfd_assert_reopen_fd; mm/memfd.c memfd_check_seals_mmap.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("future", MFD_ALLOW_SEALING) = 3
ftruncate(fd, PAGE) = 0
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE) = 0
store(p, "still")
store(buf, "x")
write(fd, buf, 1) = -1 EPERM
fd2 = open("/proc/self/fd/3", O_RDWR, 0)
fcntl(fd2, F_GET_SEALS, 0) = F_SEAL_FUTURE_WRITE
pwrite(fd2, buf, 1, 0) = -1 EPERM
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd2, 0) = -1 EPERM
q = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd2, 0)
mprotect(q, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
load(q, 5) == "still"
pread(fd2, buf, 5, 0) = 5
load(buf, 5) == "still"
