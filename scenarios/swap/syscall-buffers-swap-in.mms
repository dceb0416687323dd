# A system call's buffer that is out in swap comes back in when the kernel copies to or from it:
# write() reads a swapped page (a read fault on the swap entry), read() and pread() into one write
# it (a write fault that swaps in and keeps the exclusive page), and pwrite of the file puts back
# what read() copied.
# Source: mm/memory.c do_swap_page via the user-copy fault path (copy_from_user, copy_to_user).
requires: root, swap
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, PAGE, 0x41)
store(buf+PAGE, PAGE, 0x42)
fd = memfd_create("io", 0)
madvise(buf, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(buf, 2) == swapped@S1, swapped@S2
write(fd, buf, 16) = 16
pagemap(buf, 2) == present|exclusive, swapped@S2
pread(fd, buf+PAGE+8, 4, 0) = 4
pagemap(buf, 2) == present|exclusive, present|exclusive
load(buf+PAGE, 16) == 0x42*8 0x41*4 0x42*4
status.VmSwap == 0 kB
