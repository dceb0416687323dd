# MADV_WIPEONFORK marks part of a private anonymous mapping (VmFlags wf, a VMA split):
# the child sees zeroes there and the parent's data elsewhere. It is EINVAL on shared
# and on file mappings; MADV_KEEPONFORK clears the flag and the VMAs merge again.
# Source: kernel-spec.md §8 (WIPEONFORK on shared → EINVAL), §10 (VM_WIPEONFORK at fork).
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x99)
madvise(a+PAGE, PAGE, MADV_WIPEONFORK) = 0
vmas(a, 3*PAGE) == 3
vmflags(a+PAGE) has wf
vmflags(a) lacks wf
fork() => child
in child: load(a, 3*PAGE) == 0x99*PAGE 0*PAGE 0x99*PAGE
in child: vmflags(a+PAGE) has wf
load(a, 3*PAGE) == 0x99
exit(child)
madvise(a+PAGE, PAGE, MADV_KEEPONFORK) = 0
vmas(a, 3*PAGE) == 1
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
madvise(s, PAGE, MADV_WIPEONFORK) = -1 EINVAL
fd = memfd_create("wipe", 0)
ftruncate(fd, PAGE) = 0
q = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(q, PAGE, MADV_WIPEONFORK) = -1 EINVAL
vmflags(q) lacks wf
