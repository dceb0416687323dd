# A hole punched in a faulted mapping and mapped again with MAP_FIXED merges with both
# sides: the new VMA is unfaulted and its page offset is its address, contiguous with
# the parts around it.
# Source: kernel-spec.md §9.5 (anonymous vm_pgoff is addr>>12; one side without anon_vma).
requires: root
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 6*PAGE, 0x68)
munmap(a+2*PAGE, 2*PAGE) = 0
vmas(a, 6*PAGE) == 2
b = mmap(a+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
maps(a) == a..a+6*PAGE rw-p
pagemap(a, 6) == present|exclusive*2, none*2, present|exclusive*2
load(a, 6*PAGE) == 0x68*2*PAGE 0*2*PAGE 0x68*2*PAGE
