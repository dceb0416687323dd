# MADV_GUARD_INSTALL flags the whole VMA VM_MAYBE_GUARD ("gu" in VmFlags) without splitting it;
# GUARD_REMOVE leaves the flag; it does not stop merges and a merged VMA keeps it (VM_STICKY); fork copies it.
# Source: observed on 6.18.44 (mm/madvise.c madvise_guard_install, mm/vma.c sticky flags).
# Found by mmkit fuzz --seed 2004 and others (the model printed no gu).
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+8*PAGE, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x8000
madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
vmas(a, 4*PAGE) == 1
vmflags(a) == rd wr mr mw me gu ac
vmflags(a+3*PAGE) == rd wr mr mw me gu ac
madvise(a+PAGE, PAGE, MADV_GUARD_REMOVE) = 0
vmflags(a) == rd wr mr mw me gu ac
b = mmap(r+12*PAGE, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0xc000
vmflags(b) == rd mr mw me
mprotect(b, 4*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 8*PAGE) == 1
vmflags(b) == rd wr mr mw me gu ac
c = mmap(r+20*PAGE, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x14000
d = mmap(r+24*PAGE, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x18000
madvise(d, PAGE, MADV_GUARD_INSTALL) = 0
mprotect(c, 4*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(c, 8*PAGE) == 1
vmflags(c) == rd wr mr mw me gu ac
mprotect(c+2*PAGE, 4*PAGE, PROT_READ) = 0
vmas(c, 8*PAGE) == 3
vmflags(c) == rd wr mr mw me gu ac
vmflags(c+2*PAGE) == rd mr mw me gu ac
vmflags(d+2*PAGE) == rd wr mr mw me gu ac
fork() => k
in k: vmflags(a) == rd wr mr mw me gu ac
madvise(r+40*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
vmflags(r+40*PAGE) == mr mw me gu
vmflags(r+41*PAGE) == mr mw me gu
vmas(r+32*PAGE, 20*PAGE) == 1
