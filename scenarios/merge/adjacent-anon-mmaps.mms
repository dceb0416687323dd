# Two private anonymous mmaps placed next to each other merge into one VMA whether or
# not the first is faulted, and whether the new one comes after or before it.
# Source: kernel-spec.md §9.5 [obs: two adjacent private anon mmaps merge whether or not
# either is faulted]; selftests merge.c ksm_merge (first part).
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+2*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
maps(a) == a..a+2*PAGE rw-p
# A faulted VMA still takes in an unfaulted newcomer after it ...
store(a, 1, 0x61)
c = mmap(r+3*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
maps(a) == a..a+3*PAGE rw-p
# ... and before it.
d = mmap(r, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
maps(a) == r..r+4*PAGE rw-p
vmas(r, 64*PAGE) == 2
load(a, 1) == 0x61
