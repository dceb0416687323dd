# mprotect making a private mlocked VMA writable prefaults it to break COW up front (mprotect_fixup),
# but not when it was locked with MLOCK_ONFAULT: populate_vma_page_range does nothing for VM_LOCKONFAULT.
# Found by mmkit fuzz --seed 50058 (and 10018, 60112): the model prefaulted the ONFAULT pages.
requires: root
r = mmap(0x7f0000000000, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(r+2*PAGE, 6*PAGE, MLOCK_ONFAULT) = 0
mprotect(r, 6*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(r, 8) == none*8
mincore(r, 8*PAGE) == 0
mlock2(r+8*PAGE, 4*PAGE, 0) = -1 ENOMEM
mprotect(r+8*PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(r+8*PAGE, 4) == present|exclusive, present|exclusive, none*2
vmflags(r+2*PAGE) == rd wr mr mw me lo lf ac
