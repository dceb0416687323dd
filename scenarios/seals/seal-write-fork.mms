# The shared writable mappings that block F_SEAL_WRITE are those of every process: a child's
# inherited mapping keeps it EBUSY until the child unmaps it. A child forked after
# F_SEAL_FUTURE_WRITE inherits its parent's shared read-only mapping without VM_MAYWRITE.
# Source: mm/memfd.c memfd_add_seals (i_mmap_writable), kernel/fork.c dup_mmap
# (mapping_allow_writable for VM_SHARED|VM_MAYWRITE); selftests memfd_test.c test_share_fork.
fd = memfd_create("fork", MFD_ALLOW_SEALING)
ftruncate(fd, PAGE)
w = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
fork() => child
munmap(w, PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = -1 EBUSY
in child: store(w, 1, 0x21)
in child: munmap(w, PAGE) = 0
fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE) = 0
r = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(r, 1) == 0x21
fork() => second
in second: mprotect(r, PAGE, PROT_READ|PROT_WRITE) = -1 EACCES
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
in second: fcntl(fd, F_GET_SEALS, 0) = F_SEAL_WRITE|F_SEAL_FUTURE_WRITE
