# Without MAP_NORESERVE a writable private mapping is charged (VM_ACCOUNT). Made
# read-only while unfaulted it gives the charge back, but a faulted part keeps it; so
# the two read-only halves differ in VM_ACCOUNT and do not merge. This is why merge.c
# maps with MAP_NORESERVE.
# Source: selftests merge.c mprotect_unfaulted_left (comment on MAP_NORESERVE);
# kernel-spec.md §9.3, §9.5; mm/mprotect.c mprotect_fixup().
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
mprotect(a, 5*PAGE, PROT_READ) = 0
store(a+5*PAGE, 1, 0x78)
mprotect(a+5*PAGE, 5*PAGE, PROT_READ) = 0
vmas(a, 10*PAGE) == 2
maps(a) == a..a+5*PAGE r--p
# Writable again, the first half is charged again and the two merge.
mprotect(a, 10*PAGE, PROT_READ|PROT_WRITE) = 0
maps(a) == a..a+10*PAGE rw-p
