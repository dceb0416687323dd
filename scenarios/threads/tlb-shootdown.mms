# Translations a thread has used never outlive the calls that change them: after mprotect,
# MADV_DONTNEED, fork's write protection, mremap and munmap, the next access of the same thread,
# and of another thread, sees the new mapping (flush_tlb_mm_range). The main thread's accesses
# hit the model's software TLB until each call flushes it.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 8, 0x11)
store(a+PAGE, 8, 0x22)
load(a, 8) == 0x11*8
# write permission taken away: the cached writable translation goes
mprotect(a, PAGE, PROT_READ)
store(a, 1, 0x33) => SIGSEGV SEGV_ACCERR at a
spawn t1: store(a+4, 1, 0x33) => SIGSEGV SEGV_ACCERR at a+4
join t1
load(a, 8) == 0x11*8
# the page dropped: the next load sees a fresh zero page
madvise(a+PAGE, PAGE, MADV_DONTNEED) = 0
load(a+PAGE, 8) == 0*8
store(a+PAGE, 8, 0x44)
# fork write-protects the parent's page: the parent's next store copies it
fork() => child
store(a+PAGE, 8, 0x55)
in child: load(a+PAGE, 8) == 0x44*8
load(a+PAGE, 8) == 0x55*8
exit(child)
# moved away: the old address no longer maps it, the new one does
store(a+2*PAGE, 8, 0x66)
mremap(a+2*PAGE, PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+3*PAGE) = a+3*PAGE
load(a+2*PAGE, 1) => SIGSEGV SEGV_MAPERR at a+2*PAGE
load(a+3*PAGE, 8) == 0x66*8
# no access at all, then unmapped
mprotect(a, PAGE, PROT_NONE)
load(a, 1) => SIGSEGV SEGV_ACCERR at a
munmap(a+PAGE, PAGE)
load(a+PAGE, 1) => SIGSEGV SEGV_MAPERR at a+PAGE
spawn t2: load(a+3*PAGE, 8) == 0x66*8
join t2
