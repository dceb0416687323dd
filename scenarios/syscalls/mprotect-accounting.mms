# Writable private mappings are charged to the commit limit (VmFlags ac). mprotect to
# read-only drops the charge of an anonymous VMA that has no pages yet, but keeps it once
# the VMA has been faulted; making a read-only VMA writable charges it.
# Source: kernel-spec.md §9.3; mm/mprotect.c mprotect_fixup (VM_ACCOUNT).
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) == rd wr mr mw me ac
mprotect(a, 2*PAGE, PROT_READ) = 0
vmflags(a) == rd mr mw me
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(a) == rd wr mr mw me ac
store(a, 1, 1)
mprotect(a, 2*PAGE, PROT_READ) = 0
vmflags(a) == rd mr mw me ac
# A MAP_NORESERVE mapping is never charged.
n = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
mprotect(n, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(n) == rd wr mr mw me nr
