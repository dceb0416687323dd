# MADV_GUARD_INSTALL gives only an anonymous VMA an anon_vma; a file VMA, shared or private, is
# flagged VM_MAYBE_GUARD ("gu") and nothing more, so it still merges with a neighbour that has no
# anon_vma, and fork copies its page tables (the guard markers) for the flag alone.
# Source: mm/madvise.c madvise_guard_install (anon_vma_prepare only if vma_is_anonymous).
# Found by mmkit fuzz --seed 2779875496 --ops 400 (reduced to the first block): after MADV_DOFORK
# the model kept the shared memfd mapping split where the guard range ended.
r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd2 = memfd_create("fd2", MFD_NOEXEC_SEAL)
mmap(r+138*PAGE, 6*PAGE, PROT_WRITE, MAP_SHARED|MAP_FIXED, fd2, 2*PAGE) = r+0x8a000
madvise(r+135*PAGE, 5*PAGE, MADV_DONTFORK) = 0
madvise(r+137*PAGE, 4*PAGE, MADV_GUARD_INSTALL) = 0
madvise(r+134*PAGE, 8*PAGE, MADV_DOFORK) = 0
vmas(r+138*PAGE, 6*PAGE) == 1
vmflags(r+138*PAGE) == wr sh mr mw me ms gu
# a shared mapping readable too: the child inherits the markers and the page cache
fd = memfd_create("f", 0)
ftruncate(fd, 16*PAGE) = 0
s = mmap(r+8*PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 2*PAGE) = r+0x8000
store(s+4*PAGE, 8, 0x11)
madvise(s+2*PAGE, 4*PAGE, MADV_DONTFORK) = 0
madvise(s+PAGE, 2*PAGE, MADV_GUARD_INSTALL) = 0
madvise(s, 6*PAGE, MADV_DOFORK) = 0
vmas(s, 6*PAGE) == 1
fork() => c
in c: pagemap(s+PAGE, 2) == swapped|guard*2
in c: load(s+PAGE, 8) => SIGSEGV SEGV_MAPERR at s+0x1000
in c: load(s+4*PAGE, 8) == 0x11
exit(c)
# a private file mapping: mprotect joins the parts again around a guard, and so does
# MADV_DONTFORK/DOFORK; the merged VMA keeps "gu"
p = mmap(r+24*PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, fd, 0) = r+0x18000
mprotect(p+3*PAGE, 3*PAGE, PROT_READ) = 0
madvise(p+2*PAGE, 2*PAGE, MADV_GUARD_INSTALL) = 0
mprotect(p, 6*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(p, 6*PAGE) == 1
madvise(p, 2*PAGE, MADV_DONTFORK) = 0
madvise(p, 2*PAGE, MADV_DOFORK) = 0
vmas(p, 6*PAGE) == 1
vmflags(p+5*PAGE) == rd wr mr mw me gu ac
# a private write gives the VMA an anon_vma through the COW fault, as without guards
store(p, 8, 5)
mprotect(p, PAGE, PROT_READ) = 0
mprotect(p, PAGE, PROT_READ|PROT_WRITE) = 0
vmas(p, 6*PAGE) == 1
# mlock splits a shared file VMA and munlock joins it again around an earlier guard; WIPEONFORK
# refuses file VMAs, and KEEPONFORK changes nothing, so neither splits
q = mmap(r+40*PAGE, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0) = r+0x28000
mlock(q+4*PAGE, 4*PAGE) = 0
madvise(q, 2*PAGE, MADV_GUARD_INSTALL) = 0
madvise(q+4*PAGE, 2*PAGE, MADV_GUARD_INSTALL) = -1 EINVAL
munlock(q+4*PAGE, 4*PAGE) = 0
vmas(q, 8*PAGE) == 1
madvise(q, 8*PAGE, MADV_WIPEONFORK) = -1 EINVAL
madvise(q+2*PAGE, 2*PAGE, MADV_KEEPONFORK) = 0
madvise(q+6*PAGE, 2*PAGE, MADV_RANDOM) = 0
madvise(q+6*PAGE, 2*PAGE, MADV_NORMAL) = 0
vmas(q, 8*PAGE) == 1
vmflags(q+7*PAGE) == rd wr sh mr mw me ms gu
