# mseal's argument checks: flags must be 0, the start page aligned, the range must not wrap;
# an empty range does nothing; a range with a hole anywhere (start, middle, end) is ENOMEM and
# seals nothing. Also a probe that this kernel has mseal (64-bit, Linux 6.10+).
# Source: mm/mseal.c do_mseal, range_contains_unmapped; selftests mseal_test.c
# test_seal_invalid_input, test_seal_start_mprotect-style hole cases, LTP mseal02.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mseal(a, PAGE, 1) = -1 EINVAL
mseal(a, PAGE, 0x100) = -1 EINVAL
mseal(a+1, PAGE, 0) = -1 EINVAL
mseal(a, -1, 0) = -1 EINVAL
mseal(a, -2*PAGE, 0) = -1 EINVAL
# a range past the end of the address space does not wrap: it has a hole
mseal(a, 0x7ffffffffffff000, 0) = -1 ENOMEM
mseal(a, 0, 0) = 0
vmflags(a) lacks sl
# a hole at the end, in the middle and at the start
munmap(a+2*PAGE, PAGE) = 0
mseal(a+3*PAGE, 2*PAGE, 0) = -1 ENOMEM
mseal(a, 4*PAGE, 0) = -1 ENOMEM
mseal(a+2*PAGE, 2*PAGE, 0) = -1 ENOMEM
vmflags(a) lacks sl
vmflags(a+3*PAGE) lacks sl
# the length is rounded up to a page
mseal(a, PAGE+1, 0) = 0
vmflags(a) has sl
vmflags(a+PAGE) has sl
# sealing again is no error
mseal(a, 2*PAGE, 0) = 0
