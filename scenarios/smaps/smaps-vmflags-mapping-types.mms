# VmFlags of each kind of mapping: private and shared anonymous, memfd shared and private,
# read-only, PROT_NONE, and the flags madvise and mlock add. Only private writable mappings
# are charged to overcommit (ac, VM_ACCOUNT).
# Source: kernel-spec.md §10 (VmFlags two-letter codes), fs/proc/task_mmu.c show_smap_vma_flags.
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) == rd wr mr mw me ac
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
vmflags(s) == rd wr sh mr mw me ms
r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(r) == rd mr mw me
n = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(n) == mr mw me
x = mmap(NULL, PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(x) == rd ex mr mw me
fd = memfd_create("flags", 0)
ftruncate(fd, PAGE) = 0
fs = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
vmflags(fs) == rd wr sh mr mw me ms
fp = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
vmflags(fp) == rd wr mr mw me ac
fr = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
vmflags(fr) == rd sh mr mw me ms
madvise(a, PAGE, MADV_DONTFORK) = 0
vmflags(a) has dc
madvise(a, PAGE, MADV_WIPEONFORK) = 0
vmflags(a) has dc wf
madvise(a, PAGE, MADV_DONTDUMP) = 0
vmflags(a) has dd
madvise(a, PAGE, MADV_RANDOM) = 0
vmflags(a) has rr
madvise(a, PAGE, MADV_SEQUENTIAL) = 0
vmflags(a) == rd wr mr mw me ac sr dc dd wf
mlock(s, PAGE) = 0
vmflags(s) has lo
mlock2(r, PAGE, MLOCK_ONFAULT) = 0
vmflags(r) == rd mr mw me lo lf
