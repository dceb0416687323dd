# A hole in msync's range is ENOMEM, yet the VMAs after it are still visited: with
# MS_INVALIDATE a locked VMA beyond the hole gives EBUSY instead. Plain MS_ASYNC stops at the
# first hole (MS_ASYNC|MS_INVALIDATE does not). A range past the last VMA, or ending before the next VMA begins, is ENOMEM.
# MS_INVALIDATE over any locked page is EBUSY, MS_ASYNC and MS_SYNC alone are not.
# Source: mm/msync.c (unmapped_error, the flags == MS_ASYNC shortcut).
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE) = 0
msync(a, 6*PAGE, MS_SYNC) = -1 ENOMEM
msync(a, 6*PAGE, MS_ASYNC) = -1 ENOMEM
msync(a, 6*PAGE, MS_INVALIDATE) = -1 ENOMEM
msync(a, 6*PAGE, 0) = -1 ENOMEM
msync(a+PAGE, PAGE, MS_SYNC) = -1 ENOMEM
msync(a+PAGE, 2*PAGE, MS_SYNC) = -1 ENOMEM
msync(a+PAGE, 2*PAGE, MS_ASYNC) = -1 ENOMEM
msync(a+2*PAGE, 4*PAGE, MS_SYNC) = 0
msync(a+2*PAGE, 5*PAGE, MS_SYNC) = -1 ENOMEM
mlock(a+4*PAGE, PAGE) = 0
msync(a+2*PAGE, 4*PAGE, MS_SYNC) = 0
msync(a+2*PAGE, 4*PAGE, MS_ASYNC) = 0
msync(a+2*PAGE, 2*PAGE, MS_INVALIDATE) = 0
msync(a+2*PAGE, 4*PAGE, MS_INVALIDATE) = -1 EBUSY
msync(a+2*PAGE, 4*PAGE, MS_SYNC|MS_INVALIDATE) = -1 EBUSY
msync(a, 6*PAGE, MS_SYNC|MS_INVALIDATE) = -1 EBUSY
msync(a, 6*PAGE, MS_ASYNC|MS_INVALIDATE) = -1 EBUSY
msync(a, 6*PAGE, MS_INVALIDATE) = -1 EBUSY
mlock(a, PAGE) = 0
msync(a, 6*PAGE, MS_INVALIDATE) = -1 EBUSY
msync(a, PAGE, MS_INVALIDATE) = -1 EBUSY
