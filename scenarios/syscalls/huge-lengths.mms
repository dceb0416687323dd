# Lengths are unsigned longs: a length of 2^63 does not wrap, so mprotect, madvise and
# mlock walk the VMAs from the start until the first hole, change what they pass, and
# fail there with ENOMEM. A length that wraps past the top of the address space is
# EINVAL for madvise and mlock but ENOMEM for mprotect. The mapping ends in a hole here,
# so the walk stops right after it.
# Source: kernel-spec.md §8 (end wraps → EINVAL, holes → ENOMEM), §9.3 (holes → ENOMEM);
# mm/madvise.c madvise_walk_vmas, mm/mlock.c apply_vma_lock_flags, mm/mprotect.c.
requires: zero-page
r = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, PAGE) = 0
mprotect(r, 0x8000000000000000, PROT_READ) = -1 ENOMEM
maps(r) == r..r+2*PAGE r--p
madvise(r, 0x8000000000000000, MADV_DONTFORK) = -1 ENOMEM
vmflags(r) == rd mr mw me dc
madvise(r, 0x8000000000000000, MADV_POPULATE_READ) = -1 ENOMEM
pagemap(r, 2) == present
mlock(r, 0x8000000000000000) = -1 ENOMEM
vmflags(r) == rd mr mw me lo dc
munlock(r, 0x8000000000000000) = -1 ENOMEM
vmflags(r) == rd mr mw me dc
mlock2(r, 0xfffffffffffff000, MLOCK_ONFAULT) = -1 EINVAL
madvise(r, 0xfffffffffffff000, MADV_NORMAL) = -1 EINVAL
mprotect(r, 0xfffffffffffff000, PROT_READ) = -1 ENOMEM
