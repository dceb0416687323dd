# On a kernel without CONFIG_MEM_SOFT_DIRTY (this machine's), clear_refs 4 is accepted and does
# nothing: no VMA has VM_SOFTDIRTY, clear_soft_dirty is empty, no PTE is write-protected or made
# old, so no page is soft-dirty and pages stay referenced. 5 resets the peak RSS to the RSS and
# touches nothing else (VmHWM itself is not comparable between the backends: the executor's
# start-up peak; ClearRefsTest checks it).
# Source: fs/proc/task_mmu.c clear_refs_write, clear_soft_dirty (the !CONFIG_MEM_SOFT_DIRTY stub),
# reset_mm_hiwater_rss; kernel-spec.md §0, §3.
requires: root, no-soft-dirty
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
pagemap(a, 2) == present|exclusive, none
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
write(cr, "4", 1) = 1
pagemap(a, 2) == present|exclusive, none
smaps(a).Referenced == 4 kB
vmflags(a) lacks sd
store(a, PAGE, 0x12)
pagemap(a, 2) == present|exclusive, none
write(cr, "5", 1) = 1
smaps(a).Referenced == 4 kB
status.VmRSS == 4 kB
load(a, 1) == 0x12
