# A write fault on a private file mapping prepares the VMA's anon_vma before asking the file
# for the page, so even a write past EOF that raises SIGBUS leaves the VMA with an anon_vma:
# fork then copies its page tables, and the child starts with the file pages mapped.
# Source: mm/memory.c do_cow_fault (vmf_anon_prepare before __do_fault), kernel-spec.md §10
# (page tables copied only for VMAs with an anon_vma); observed on the reference kernel.
requires: root
fd = memfd_create("cow", 0)
ftruncate(fd, PAGE) = 0
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
q = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 1) == 0
load(q, 1) == 0
store(p+PAGE, 1, 0x11) => SIGBUS BUS_ADRERR at p+PAGE
pagemap(p, 2) == present|file, none
fork() => child
in child: pagemap(p, 2) == present|file, none
in child: pagemap(q, 2) == none*2
