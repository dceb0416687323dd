# munmap of a sealed range is EPERM, and so is one that only partly covers sealed VMAs: nothing
# is unmapped. The first VMA of the range is split before the others are checked, and the split
# stays after the EPERM.
# Source: mm/vma.c vms_gather_munmap_vmas; selftests mseal_test.c test_seal_munmap,
# test_seal_munmap_partial_across_vmas, test_munmap_start_freed.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mseal(a+2*PAGE, 2*PAGE, 0) = 0
vmas(a, 4*PAGE) == 2
munmap(a+2*PAGE, 2*PAGE) = -1 EPERM
munmap(a+3*PAGE, PAGE) = -1 EPERM
munmap(a, 4*PAGE) = -1 EPERM
maps(a) == a..a+0x2000 rw-p
# starting inside the unsealed VMA: it is split at a+PAGE, then the sealed one refuses
munmap(a+PAGE, 2*PAGE) = -1 EPERM
vmas(a, 4*PAGE) == 3
maps(a) == a..a+0x1000 rw-p
maps(a+PAGE) == a+0x1000..a+0x2000 rw-p
store(a, 4*PAGE, 0x5a)
# the unsealed part may still go
munmap(a, 2*PAGE) = 0
load(a+2*PAGE, 2*PAGE) == 0x5a
maps(a+2*PAGE) == a+0x2000..a+0x4000 rw-p
