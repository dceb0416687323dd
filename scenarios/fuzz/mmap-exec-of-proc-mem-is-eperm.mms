# Found by mmkit fuzz --seed 7600004: /proc is mounted noexec (SB_I_NOEXEC), so an executable
# mapping of /proc/self/mem is EPERM (do_mmap's path_noexec check) before the missing mmap
# operation makes any other mapping of it ENODEV.
fd = open("/proc/self/mem", O_RDONLY, 0)
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mmap(r, 4*PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED, fd, PAGE) = -1 EPERM
mmap(r, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_FIXED, fd, PAGE) = -1 ENODEV
mmap(r, PAGE, PROT_EXEC, MAP_SHARED|MAP_FIXED, fd, 0) = -1 EPERM
