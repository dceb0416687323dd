# fork copies page tables only for VMAs that have an anon_vma: a private anonymous VMA that
# only read the zero page and a private file mapping that was only read start empty in the
# child; once a private file mapping has a COW copy, all its PTEs are copied, file pages too.
# Source: kernel-spec.md §10 (page tables copied only for VMAs with an anon_vma), kernel/fork.c
# dup_mmap / mm/memory.c vma_needs_copy.
requires: root, zero-page
z = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(z, 2*PAGE) == 0
fd = memfd_create("fork", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x11)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 2*PAGE) == 0x11
q = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(q, 1, 0x22)
load(q+PAGE, 1) == 0x11
pagemap(q, 2) == present|exclusive@P1, present|file@P2
fork() => child
in child: pagemap(z, 2) == none
in child: pagemap(p, 2) == none
in child: pagemap(q, 2) == present@P1, present|file@P2
pagemap(q, 2) == present@P1, present|file@P2
in child: load(q, 2) == 0x22 0x11
in child: load(p, 1) == 0x11
