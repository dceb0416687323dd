# mmap ignores PROT bits it does not know (mprotect rejects them, see
# mprotect-errors.mms): the mapping gets only the known permissions.
# Source: kernel-spec.md §9.1 (unknown PROT bits ignored, prot=0x100 observed ok).
a = mmap(NULL, PAGE, PROT_READ|0x100, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(a) == a..a+PAGE r--p
vmflags(a) == rd mr mw me
load(a, 1) == 0
store(a, 1, 1) => SIGSEGV SEGV_ACCERR at a
b = mmap(NULL, PAGE, 0x10|0x100, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(b) == b..b+PAGE ---p
load(b, 1) => SIGSEGV SEGV_ACCERR at b
