# clear_refs 1, 2 and 3 make the PTEs of normal pages old and clear their pages' referenced flag,
# which smaps shows as Referenced: 1 in every VMA, 2 only in anonymous ones, 3 only in VMAs with a
# file, which a shared anonymous mapping has (its shmem file). Other pages and bits stay: Rss,
# Dirty, the data. A populate then marks the pages accessed again (folio_mark_accessed through
# GUP). (Touching a page through a translation the TLB still holds would not make the PTE young
# again on x86 — clear_refs flushes no TLB for these types — so no scenario checks that.)
# Source: fs/proc/task_mmu.c clear_refs_test_walk, clear_refs_pte_range; mm/gup.c follow_page_pte.
requires: root
anon = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
shanon = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("m", 0)
ftruncate(fd, PAGE) = 0
file = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
priv = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(anon, 2*PAGE, 0x11)
store(shanon, PAGE, 0x22)
store(file, PAGE, 0x33)
load(priv, 1) == 0x33
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
smaps(anon).Referenced == 8 kB
smaps(shanon).Referenced == 4 kB
smaps(file).Referenced == 4 kB
smaps(priv).Referenced == 4 kB
# 3: file VMAs (the memfd's, shared and private, and the shared anonymous one)
write(cr, "3", 1) = 1
smaps(anon).Referenced == 8 kB
smaps(shanon).Referenced == 0 kB
smaps(file).Referenced == 0 kB
smaps(priv).Referenced == 0 kB
smaps(file).Rss == 4 kB
# 2: anonymous VMAs
write(cr, "2", 1) = 1
smaps(anon).Referenced == 0 kB
smaps(anon).Rss == 8 kB
smaps(anon).Private_Dirty == 8 kB
# populate marks pages accessed; 1 clears everything again
madvise(anon, 2*PAGE, MADV_POPULATE_READ) = 0
madvise(file, PAGE, MADV_POPULATE_READ) = 0
smaps(anon).Referenced == 8 kB
smaps(file).Referenced == 4 kB
write(cr, "1", 1) = 1
smaps(anon).Referenced == 0 kB
smaps(file).Referenced == 0 kB
# a page faulted in afterwards is young
m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(m, 1, 1)
smaps(m).Referenced == 4 kB
