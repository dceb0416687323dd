# MAP_SYNC is only honoured on DAX files, but the kernel turns it into VM_SYNC (VmFlags
# sf) before MAP_SHARED masks off the flags it does not know: a shared or private memfd
# mapping and anonymous mappings all show sf. Only MAP_SHARED_VALIDATE checks it
# (EOPNOTSUPP, see mmap-shared-validate.mms).
# Source: kernel-spec.md §9.1 (SHARED_VALIDATE); mm/mmap.c do_mmap, calc_vm_flag_bits.
fd = memfd_create("sync", 0)
ftruncate(fd, PAGE) = 0
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_SYNC, fd, 0)
vmflags(m) == rd sh mr mw me ms sf
q = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_SYNC, fd, 0)
vmflags(q) == rd mr mw me sf
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_SYNC, -1, 0)
vmflags(s) == rd sh mr mw me ms sf
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_SYNC, -1, 0)
vmflags(a) == rd wr mr mw me ac sf
store(a, PAGE, 0x5f)
load(a, PAGE) == 0x5f
