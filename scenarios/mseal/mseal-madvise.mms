# On a sealed VMA, the advices that discard data (DONTNEED, DONTNEED_LOCKED, FREE, REMOVE,
# DONTFORK, WIPEONFORK, GUARD_INSTALL) are EPERM on private anonymous memory that is not
# writable; writable anonymous memory and file or shared mappings may still discard, and other
# advices are always allowed. Over several VMAs the walk stops at the one that refuses.
# Source: mm/madvise.c can_madvise_modify, is_discard; selftests mseal_test.c
# test_seal_discard_ro_anon, test_seal_discard_ro_anon_on_rw, _on_shared, _on_filebacked.
ro = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(ro, 2*PAGE, 0x77)
mprotect(ro, 2*PAGE, PROT_READ) = 0
mseal(ro, 2*PAGE, 0) = 0
madvise(ro, 2*PAGE, MADV_DONTNEED) = -1 EPERM
madvise(ro, PAGE, MADV_DONTNEED_LOCKED) = -1 EPERM
madvise(ro, PAGE, MADV_FREE) = -1 EPERM
madvise(ro, PAGE, MADV_REMOVE) = -1 EPERM
madvise(ro, PAGE, MADV_DONTFORK) = -1 EPERM
madvise(ro, PAGE, MADV_WIPEONFORK) = -1 EPERM
madvise(ro, PAGE, MADV_GUARD_INSTALL) = -1 EPERM
load(ro, 2*PAGE) == 0x77
madvise(ro, PAGE, MADV_WILLNEED) = 0
madvise(ro, PAGE, MADV_RANDOM) = 0
madvise(ro, PAGE, MADV_DODUMP) = 0
vmflags(ro) has sl rr
# writable: discarding is allowed
rw = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(rw, PAGE, 0x11)
mseal(rw, PAGE, 0) = 0
madvise(rw, PAGE, MADV_DONTNEED) = 0
load(rw, 1) == 0
# shared anonymous and memfd mappings keep their data in the page cache: allowed
sh = mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
mseal(sh, PAGE, 0) = 0
madvise(sh, PAGE, MADV_DONTNEED) = 0
fd = memfd_create("m", 0)
ftruncate(fd, PAGE) = 0
f = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
mseal(f, PAGE, 0) = 0
madvise(f, PAGE, MADV_DONTNEED) = 0
