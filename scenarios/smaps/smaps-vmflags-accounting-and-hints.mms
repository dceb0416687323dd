# VmFlags that follow from mmap flags and later calls: MAP_NORESERVE gives nr instead of ac,
# MAP_GROWSDOWN gd, MAP_STACK nh (no THP); mprotect drops ac when a private mapping loses
# PROT_WRITE and adds it back with PROT_WRITE; MADV_HUGEPAGE/NOHUGEPAGE swap hg and nh.
# Source: kernel-spec.md §10 (VmFlags codes), mm/mmap.c accountable_mapping / calc_vm_flag_bits,
# mm/mprotect.c mprotect_fixup (VM_ACCOUNT); observed on the reference kernel.
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
vmflags(a) == rd wr mr mw me nr
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
vmflags(b) == rd wr sh mr mw me ms nr
c = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_GROWSDOWN, -1, 0)
vmflags(c) == rd wr mr mw me gd ac
d = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK, -1, 0)
vmflags(d) == rd wr mr mw me ac nh
mprotect(d, PAGE, PROT_READ) = 0
vmflags(d) == rd mr mw me nh
mprotect(d, PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(d) == rd wr mr mw me ac nh
f = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(f, PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(f) == rd wr mr mw me ac
madvise(f, PAGE, MADV_HUGEPAGE) = 0
vmflags(f) == rd wr mr mw me ac hg
madvise(f, PAGE, MADV_NOHUGEPAGE) = 0
vmflags(f) == rd wr mr mw me ac nh
fd = memfd_create("flags", 0)
ftruncate(fd, PAGE) = 0
g = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_NORESERVE, fd, 0)
vmflags(g) == rd wr mr mw me nr
h = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED_VALIDATE|MAP_LOCKED, fd, 0)
vmflags(h) == rd wr sh mr mw me ms lo
