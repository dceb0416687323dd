# mprotect argument checks: unaligned start → EINVAL, zero length → 0 (even where
# nothing is mapped), unknown PROT bits → EINVAL, PROT_GROWSDOWN on a VMA that does not
# grow down → EINVAL, an unmapped start → ENOMEM. Failed calls change nothing.
# Source: kernel-spec.md §9.3.
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(a+1, PAGE, PROT_READ) = -1 EINVAL
mprotect(a, 0, PROT_READ) = 0
mprotect(a, PAGE, 0x100) = -1 EINVAL
mprotect(a, PAGE, PROT_READ|0x10) = -1 EINVAL
mprotect(a, PAGE, PROT_READ|PROT_GROWSDOWN) = -1 EINVAL
mprotect(a, PAGE, PROT_READ|PROT_GROWSDOWN|PROT_GROWSUP) = -1 EINVAL
maps(a) == a..a+2*PAGE rw-p
munmap(a, 2*PAGE) = 0
mprotect(a, PAGE, PROT_READ) = -1 ENOMEM
mprotect(a, 0, PROT_READ) = 0
# The length is rounded up to whole pages; PROT_SEM is accepted and has no effect.
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(b, 1, PROT_READ|PROT_SEM) = 0
maps(b) == b..b+PAGE r--p
maps(b+PAGE) == b+PAGE..b+2*PAGE rw-p
