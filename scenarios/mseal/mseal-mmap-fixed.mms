# mmap(MAP_FIXED) over a sealed VMA is EPERM and leaves it mapped; MAP_FIXED_NOREPLACE sees the
# mapping first (EEXIST). A mapping next to a sealed one is fine.
# Source: mm/vma.c __mmap_setup, vms_gather_munmap_vmas; selftests mseal_test.c
# test_seal_mmap_overwrite_prot, test_seal_mmap_expand, test_seal_mmap_shrink.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x33)
mseal(a+PAGE, 2*PAGE, 0) = 0
mmap(a+PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 EPERM
mmap(a, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 EPERM
mmap(a+2*PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
load(a, 4*PAGE) == 0x33
# the unsealed pages around it may be replaced
mmap(a+3*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+3*PAGE
load(a+3*PAGE, 1) == 0
vmas(a, 4*PAGE) == 3
