# GUP marks every page it returns accessed (follow_page_pte with FOLL_TOUCH calls
# folio_mark_accessed) and leaves the PTE's young bit alone. After MADV_FREE made the PTE old,
# smaps counts the page as Referenced by PG_referenced alone: a first MADV_POPULATE_READ sets it, a
# second finds it set and clears it (the folio is activated instead).
# Source: mm/gup.c follow_page_pte, mm/swap.c folio_mark_accessed (classic LRU, no MGLRU here).
# Found by mmkit fuzz --seed 435762757 --ops 1000 (reduced): the model left Referenced at 0 kB.
# Not deterministic everywhere: a per-CPU batch drain of MADV_FREE's lazyfree list, or DAMON, may
# clear the flag on the kernel in between (docs/fuzzing.md); the fuzzer asks no Referenced after MADV_FREE.
m1 = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(m1+2*PAGE, PAGE, PROT_NONE) = 0
m4 = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(m1+PAGE, PAGE, 126)
smaps(m1).Referenced == 4 kB
madvise(m1, 3*PAGE, MADV_FREE) = 0
smaps(m1).Referenced == 0 kB
madvise(m1+PAGE, PAGE, MADV_POPULATE_READ) = 0
smaps(m1).Referenced == 4 kB
madvise(m1+PAGE, PAGE, MADV_POPULATE_READ) = 0
smaps(m1).Referenced == 0 kB
# m4 lies right below m1 and merged with it. A page GUP faults in is young and touched too:
# MADV_FREE ages the PTE, the touch stays, and the next populate clears it
madvise(m4, PAGE, MADV_POPULATE_WRITE) = 0
smaps(m4).Referenced == 4 kB
madvise(m4, PAGE, MADV_FREE) = 0
smaps(m4).Referenced == 4 kB
madvise(m4, PAGE, MADV_POPULATE_READ) = 0
smaps(m4).Referenced == 0 kB
