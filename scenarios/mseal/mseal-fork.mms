# fork copies the seal: the child's VMA is sealed too and refuses munmap and mprotect, while
# its pages are COW as usual.
# Source: kernel/fork.c dup_mmap (vm_area_dup copies vm_flags); selftests mseal_test.c
# test_seal_fork-style cases.
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x21)
mseal(a, 2*PAGE, 0) = 0
fork() => child
in child: vmflags(a) has sl
in child: munmap(a, PAGE) = -1 EPERM
in child: mprotect(a, PAGE, PROT_READ) = -1 EPERM
in child: store(a, 1, 0x42)
load(a, 1) == 0x21
in child: load(a, 1) == 0x42
