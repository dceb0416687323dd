# The seal is a VMA flag: sealing part of a VMA splits it, sealing the rest merges the parts
# again, and a new mapping next to a sealed VMA stays apart. mlock and munlock still change a
# sealed VMA's lock flags.
# Source: mm/mseal.c mseal_apply (vma_modify_flags); selftests mseal_test.c
# test_seal_split_start, test_seal_split_end, test_seal_merge_and_split.
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
repeat 4 as i:
    mseal(a+2*i*PAGE, PAGE, 0) = 0
    vmflags(a+2*i*PAGE) has sl
    vmflags(a+(2*i+1)*PAGE) lacks sl
vmas(a, 8*PAGE) == 8
repeat 4 as i:
    mseal(a+(2*i+1)*PAGE, PAGE, 0) = 0
vmas(a, 8*PAGE) == 1
maps(a) == a..a+0x8000 rw-p
mlock(a, 2*PAGE) = 0
vmflags(a) == rd wr mr mw me lo ac sl
munlock(a, 2*PAGE) = 0
vmas(a, 8*PAGE) == 1
