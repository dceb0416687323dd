# fork copies swap entries only where the child gets the parent's memory: a MADV_WIPEONFORK range
# starts empty in the child, a MADV_DONTFORK range is not there at all, and in both the parent's
# slot stays its own (SwapPss a whole page), while a plain range's slot is shared (a half).
# Source: mm/memory.c copy_page_range (vma_needs_copy: VM_WIPEONFORK), kernel/fork.c dup_mmap
# (VM_DONTCOPY); fs/proc/task_mmu.c smaps_pte_entry.
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x81)
madvise(a+PAGE, PAGE, MADV_WIPEONFORK) = 0
madvise(a+2*PAGE, PAGE, MADV_DONTFORK) = 0
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
fork() => child
smaps(a).SwapPss == 2 kB
smaps(a+PAGE).SwapPss == 4 kB
smaps(a+2*PAGE).SwapPss == 4 kB
in child: pagemap(a, 2) == swapped@S1, none
in child: smaps(a).Swap == 4 kB
in child: load(a+PAGE, 1) == 0x00
in child: maps(a+2*PAGE) == none
load(a, 3*PAGE) == 0x81
in child: load(a, 1) == 0x81
