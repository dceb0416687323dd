# A writable private mapping is charged to the commit limit (VmFlags ac); with
# MAP_NORESERVE it is not, and shows nr instead. Read-only and shared mappings are
# never charged.
# Source: kernel-spec.md §9.1; smaps VmFlags (§10).
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) == rd wr mr mw me ac
n = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
vmflags(n) == rd wr mr mw me nr
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(r) == rd mr mw me
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
vmflags(s) == rd wr sh mr mw me ms
# Making the read-only mapping writable charges it then.
mprotect(r, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(r) == rd wr mr mw me ac
# A MAP_NORESERVE mapping stays uncharged, and its pages work as any other.
store(n, 2*PAGE, 0x4e)
load(n+PAGE, 1) == 0x4e
