# F_SEAL_EXEC on a memfd whose mode has exec bits (every memfd made without MFD_NOEXEC_SEAL
# while vm.memfd_noexec is 0, its default) brings F_SEAL_SHRINK, F_SEAL_GROW, F_SEAL_WRITE and
# F_SEAL_FUTURE_WRITE with it, and so fails with EBUSY like F_SEAL_WRITE while a shared mapping
# may become writable. On a MFD_NOEXEC_SEAL memfd (mode 0666) it is F_SEAL_EXEC alone.
# Source: mm/memfd.c memfd_add_seals ("SEAL_EXEC implies SEAL_WRITE" when i_mode & 0111,
# checked before the write seal), memfd_create (i_mode &= ~0111); selftests memfd_test.c
# test_seal_exec.
x = memfd_create("exec", MFD_ALLOW_SEALING)
ftruncate(x, PAGE)
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, x, 0)
fcntl(x, F_ADD_SEALS, F_SEAL_EXEC) = -1 EBUSY
fcntl(x, F_GET_SEALS, 0) = 0
munmap(m, PAGE)
fcntl(x, F_ADD_SEALS, F_SEAL_EXEC) = 0
fcntl(x, F_GET_SEALS, 0) = F_SEAL_EXEC|F_SEAL_SHRINK|F_SEAL_GROW|F_SEAL_WRITE|F_SEAL_FUTURE_WRITE
ftruncate(x, 2*PAGE) = -1 EPERM
mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, x, 0) = -1 EPERM
n = memfd_create("noexec", MFD_NOEXEC_SEAL)
ftruncate(n, PAGE)
w = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, n, 0)
fcntl(n, F_ADD_SEALS, F_SEAL_EXEC) = 0
fcntl(n, F_GET_SEALS, 0) = F_SEAL_EXEC
ftruncate(n, 2*PAGE) = 0
store(w, 1, 0x11)
