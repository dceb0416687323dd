# maps lists the process's VMAs that touch the scenario's mappings; with nothing else in the
# scenario's area (the executor's image, vDSO and stack lie out of its reach), a forked child
# and a new process see the same as the model.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("image", 0)
ftruncate(fd, 2*PAGE)
m = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, fd, 0)
mprotect(a+PAGE, PAGE, PROT_READ)
maps
vmas(m-16*PAGE, 40*PAGE) == 5
fork() => child
in child: maps
in child: load(a+4*PAGE, 1) => SIGSEGV SEGV_MAPERR at a+4*PAGE
process p2 unprivileged
in p2: x = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p2: maps
in p2: store(x+4*PAGE, 1, 1) => SIGSEGV SEGV_MAPERR at x+4*PAGE
