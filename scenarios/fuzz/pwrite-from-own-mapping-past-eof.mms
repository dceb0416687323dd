# Found by mmkit fuzz --seed 7300174 --ops 100, reduced to 6 lines.
# pwrite's buffer is a shared mapping of the same, empty file: reading it faults with SIGBUS,
# since it lies past EOF. The kernel allocated the destination page first and shmem_write_end
# moved EOF to the write's position (11 pages) after copying nothing; generic_perform_write then
# faults the buffer in, which now works (its pages are below the new EOF), and copies it all.
# Source: mm/filemap.c generic_perform_write (fault_in_iov_iter_readable); mm/shmem.c
# shmem_write_end.
requires: root
process u unprivileged
in u: r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: fd1 = open("f1", O_RDWR|O_CREAT, 0600)
in u: fd2 = open("f1", O_RDWR|O_CREAT, 0600)
in u: mmap(r+61*PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd1, 2*PAGE) = r+61*PAGE
in u: pwrite(fd2, r+64*PAGE, 3*PAGE, 11*PAGE) = 3*PAGE
in u: lseek(fd2, 0, SEEK_END) = 14*PAGE
in u: load(r+64*PAGE, 8) == 0
in u: pagemap(r+61*PAGE, 6) == none*3, present|file|exclusive*3
