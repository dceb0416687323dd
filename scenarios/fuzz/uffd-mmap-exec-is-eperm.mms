# A userfaultfd is an anonymous inode, and anon_inodefs is SB_I_NOEXEC: an executable mapping of
# it is EPERM (path_noexec) before the missing ->mmap makes any other mapping ENODEV.
# Found by mmkit fuzz --seed 9300000 --ops 300 (the model said ENODEV).
requires: uffd
u = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_SHARED, u, 0) = -1 EPERM
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, u, 0) = -1 ENODEV
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, u, 0) = -1 ENODEV
