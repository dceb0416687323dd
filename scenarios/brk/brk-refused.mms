# A refused brk is no error: it returns the old break. Below the heap's start, into another
# mapping, or within a page of one: the heap keeps a page of distance from the next VMA.
# Past the end of the address space too.
# Source: mm/mmap.c brk (min_brk, the vma_find with newbrk + PAGE_SIZE, check_brk_limits).
b = brk(0)
brk(PAGE) = b
brk(1) = b
m = mmap(b + 16*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
brk(b + 32*PAGE) = b
brk(b + 16*PAGE) = b
brk(b + 15*PAGE + 1) = b
brk(b + 15*PAGE) = b + 15*PAGE
vmas(b, 17*PAGE) == 2
load(m, 1) == 0
brk(0x7ffffffff000) = b + 15*PAGE
brk(-PAGE) = b + 15*PAGE
# shrinking across the other mapping unmaps it with the heap
brk(b) = b
