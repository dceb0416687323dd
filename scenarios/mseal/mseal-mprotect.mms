# mprotect of a sealed VMA is EPERM, even when the protection would not change. Over a range
# whose first VMA is not sealed, that VMA is changed before the sealed one refuses.
# Source: mm/mprotect.c mprotect_fixup (vma_is_sealed before the newflags == oldflags check);
# selftests mseal_test.c test_seal_mprotect, test_seal_mprotect_two_vma.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mseal(a+2*PAGE, 2*PAGE, 0) = 0
mprotect(a+2*PAGE, PAGE, PROT_READ) = -1 EPERM
mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_WRITE) = -1 EPERM
mprotect(a, 4*PAGE, PROT_READ) = -1 EPERM
maps(a) == a..a+0x2000 r--p
maps(a+2*PAGE) == a+0x2000..a+0x4000 rw-p
store(a+2*PAGE, 1, 1)
store(a, 1, 1) => SIGSEGV SEGV_ACCERR at a
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
# sealing keeps the protection it was sealed with: a read-only sealed page stays read-only
b = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mseal(b, PAGE, 0) = 0
mprotect(b, PAGE, PROT_READ|PROT_WRITE) = -1 EPERM
store(b, 1, 1) => SIGSEGV SEGV_ACCERR at b
