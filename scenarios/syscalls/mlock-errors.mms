# mlock rounds the start down and the end up to pages (so an unaligned start is fine);
# a range with an unmapped page is ENOMEM, and so is munlock of one; a zero length is 0
# and a wrapping one EINVAL.
# Source: kernel-spec.md §9 (mlock); mm/mlock.c do_mlock, apply_vma_lock_flags.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(a+PAGE+1, PAGE) = 0
vmas(a, 4*PAGE) == 3
maps(a+PAGE) == a+PAGE..a+3*PAGE rw-p
vmflags(a+PAGE) has lo
pagemap(a, 4) == none, present|exclusive*2, none
mlock(a, 0) = 0
munmap(a+3*PAGE, PAGE) = 0
# A hole stops the locking there: the VMAs before it are locked, but nothing is
# faulted in, since populating only follows a successful locking pass.
mlock(a, 4*PAGE) = -1 ENOMEM
vmas(a, 3*PAGE) == 1
vmflags(a) has lo
pagemap(a, 3) == none, present|exclusive*2
munlock(a, 4*PAGE) = -1 ENOMEM
mlock(a+3*PAGE, PAGE) = -1 ENOMEM
# A length that wraps around the address space is EINVAL, for mlock and munlock.
mlock(a, -4096) = -1 EINVAL
munlock(a, -4096) = -1 EINVAL
mlock2(a, -4096, MLOCK_ONFAULT) = -1 EINVAL
