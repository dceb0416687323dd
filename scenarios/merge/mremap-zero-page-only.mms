# Reading a private anonymous mapping maps the shared zero page but gives the VMA no
# anon_vma: moved next to another unfaulted VMA it still counts as unfaulted, its page
# offset is relocated and the two merge; the zero-page entries move along.
# Source: kernel-spec.md §9.4 (relocated vm_pgoff of unfaulted VMAs), §9.5, §1.4.
requires: root, zero-page
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+10*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+10*PAGE
load(b, 2*PAGE) == 0
pagemap(b, 2) == present@P1, present@P1
mremap(b, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = r+3*PAGE
maps(a) == a..a+4*PAGE rw-p
pagemap(a, 4) == none*2, present@P1*2
store(a+2*PAGE, 1, 0x7a)
pagemap(a+2*PAGE, 2) == present|exclusive@P2, present@P1
