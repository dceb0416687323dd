# A kernel that forbids the shared zero page (mm_forbids_zeropage; this project's reference machine
# boots with pvm_no_zero_page=1): do_anonymous_page gives each read fault a private zeroed page,
# exclusive, and in a VM_WRITE mapping already writable and dirty, so the first write keeps it.
# A read-only mapping gets a clean page, which a write after mprotect reuses (do_wp_page).
# Source: mm/memory.c do_anonymous_page; the upstream behaviour is cow/cow-shared-zeropage.mms.
requires: root, no-zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 1) == 0
load(a+PAGE, 1) == 0
pfn(a) != pfn(a+PAGE)
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
smaps(a).Rss == 8 kB
smaps(a).Private_Dirty == 8 kB
store(a, 1, 7)
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(r, PAGE) == 0
pagemap(r, 2) == present|exclusive@P3, none
smaps(r).Private_Clean == 4 kB
mprotect(r, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(r, 1, 9)
pagemap(r, 2) == present|exclusive@P3, none
fork() => c
in c: pagemap(a, 2) == present@P1, present@P2
in c: store(a+PAGE, 1, 1)
in c: pagemap(a, 2) == present@P1, present|exclusive@P4
pagemap(a, 2) == present@P1, present|exclusive@P2
load(a, 1) == 0x07
