# fork copies every PTE of a VMA that has an anon_vma, the shared zero page and PROT_NONE
# pages included; a write to the zero page gets the writer a new page; once the parent has
# exited, the child's pages are exclusive to it.
# Source: kernel-spec.md §10 (copy_page_range), §1.5.
# Whether a later write reuses a formerly shared page in place is not checked: the kernel
# copies instead while another CPU's LRU batch still holds a reference to the page.
requires: root, zero-page
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
load(a+PAGE, 1) == 0
store(a+2*PAGE, 1, 0x22)
mprotect(a+2*PAGE, PAGE, PROT_NONE) = 0
fork() => child
in child: pagemap(a, 3) == present@P1, present@P2, present@P3
pagemap(a, 3) == present@P1, present@P2, present@P3
in child: store(a+PAGE, 1, 0x33)
in child: pagemap(a, 3) == present@P1, present|exclusive@P4, present@P3
pagemap(a, 3) == present@P1, present@P2, present@P3
in child: mprotect(a+2*PAGE, PAGE, PROT_READ|PROT_WRITE) = 0
in child: load(a+2*PAGE, 1) == 0x22
exit(main)
in child: pagemap(a, 3) == present|exclusive@P1, present|exclusive@P4, present|exclusive@P3
in child: store(a, 1, 0x44)
in child: store(a+2*PAGE, 1, 0x55)
in child: load(a, 3*PAGE) == 0x44 0*4095 0x33 0*4095 0x55 0*4095
