# mprotect over a range with a hole fails with ENOMEM, but the VMAs before the hole
# have already been changed; the VMA after the hole is not.
# Source: kernel-spec.md §9.3 (holes → ENOMEM, part before the hole changed).
r = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, PAGE) = 0
mprotect(r, 6*PAGE, PROT_READ) = -1 ENOMEM
maps(r) == r..r+2*PAGE r--p
maps(r+3*PAGE) == r+3*PAGE..r+6*PAGE rw-p
# A hole at the start changes nothing at all.
mprotect(r+2*PAGE, 4*PAGE, PROT_READ) = -1 ENOMEM
maps(r+3*PAGE) == r+3*PAGE..r+6*PAGE rw-p
# Part of a VMA before the hole: the VMA is split at the start.
mprotect(r+PAGE, 3*PAGE, PROT_NONE) = -1 ENOMEM
maps(r) == r..r+PAGE r--p
maps(r+PAGE) == r+PAGE..r+2*PAGE ---p
vmas(r, 6*PAGE) == 3
