# fork copies the PTEs with their soft-dirty bits and the VMAs with their flags; a COW break
# in either process makes the new PTE dirty (wp_page_copy: pte_mkdirty), so soft-dirty. Each
# process has its own clear_refs: clearing in the child leaves the parent's bits.
# Source: mm/memory.c copy_present_pte, wp_page_copy; kernel/fork.c dup_mmap;
# fs/proc/task_mmu.c clear_refs_write.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
write(cr, "4", 1) = 1
store(a, 1, 0x22)
pagemap(a, 3) == present|exclusive|soft_dirty, present|exclusive, none
fork() => child
pagemap(a, 3) == present|soft_dirty, present, none
in child: pagemap(a, 3) == present|soft_dirty, present, none
in child: store(a+PAGE, 1, 0x33)
in child: pagemap(a, 3) == present|soft_dirty, present|exclusive|soft_dirty, none
pagemap(a, 3) == present|soft_dirty, present|exclusive, none
in child: c = open("/proc/self/clear_refs", O_WRONLY, 0)
in child: write(c, "4", 1) = 1
in child: pagemap(a, 3) == present, present|exclusive, none
pagemap(a, 3) == present|soft_dirty, present|exclusive, none
# the parent's COW break of the shared page
store(a, 1, 0x44)
pagemap(a, 3) == present|exclusive|soft_dirty, present|exclusive, none
# a fresh mapping in the child is soft-dirty whatever the parent did
in child: m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in child: pagemap(m, 1) == soft_dirty
