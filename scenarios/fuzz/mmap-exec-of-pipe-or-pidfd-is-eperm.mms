# Found by mmkit fuzz --seed 9100037: pipefs and pidfs are mounted noexec (SB_I_NOEXEC), as /proc
# is, so an executable mapping of a pipe or a pidfd is EPERM (do_mmap's path_noexec check) before
# the missing mmap operation makes any other mapping of it ENODEV; a descriptor not open for
# reading is EACCES before either.
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe2(b, 0)
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3, 0) = -1 EPERM
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 3, 0) = -1 ENODEV
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_SHARED, 4, 0) = -1 EACCES
p = pidfd_open(pid(main), 0)
mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE, p, 0) = -1 EPERM
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p, 0) = -1 ENODEV
