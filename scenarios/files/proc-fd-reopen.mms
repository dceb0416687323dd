# Opening /proc/self/fd/N reopens the file of descriptor N as a new open file: its own access
# mode, flags and position. This works for an unlinked file and for a memfd (the memfd selftests
# reopen a memfd read-only this way), and for an O_PATH descriptor. A descriptor that is not
# open is ENOENT. A read-only reopen of a memfd cannot add seals (EPERM), and a shared mapping
# of it does not count as writable, so F_SEAL_WRITE can still be added.
# Source: fs/proc/fd.c proc_fd_link; mm/memfd.c memfd_add_seals; tools/testing/selftests/memfd
# memfd_test.c mfd_assert_reopen_fd, test_seal_write.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mfd = memfd_create("reopen", MFD_ALLOW_SEALING) = 3
store(buf, "sealed")
write(mfd, buf, 6) = 6
ro = open("/proc/self/fd/3", O_RDONLY, 0)
fcntl(ro, F_GETFL, 0) = O_RDONLY|O_LARGEFILE
lseek(ro, 0, SEEK_CUR) = 0
lseek(mfd, 0, SEEK_CUR) = 6
read(ro, buf+100, 6) = 6
load(buf+100, 6) == "sealed"
write(ro, buf, 1) = -1 EBADF
fcntl(ro, F_ADD_SEALS, F_SEAL_WRITE) = -1 EPERM
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0)
fcntl(mfd, F_ADD_SEALS, F_SEAL_WRITE) = 0
fcntl(ro, F_GET_SEALS, 0) = F_SEAL_WRITE
load(m, 6) == "sealed"
write(mfd, buf, 1) = -1 EPERM
open("/proc/self/fd/99", O_RDONLY, 0) = -1 ENOENT
