# Found by mmkit fuzz --seed 7300036 --ops 100, reduced to 6 lines.
# A pwrite past EOF whose buffer faults at once fails with EFAULT, but 6.18 has already allocated
# the destination page and shmem_write_end has moved EOF to the write's position (pos + 0 bytes
# copied): the file grows, and the page, zeroed and up to date, is data for SEEK_DATA.
# Source: mm/filemap.c generic_perform_write; mm/shmem.c shmem_write_begin, shmem_write_end.
requires: root
process u unprivileged
in u: r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: fd2 = open("f1", O_RDWR|O_CREAT|O_CLOEXEC, 0600)
in u: pwrite(fd2, r+104*PAGE, PAGE, 11*PAGE+2289) = -1 EFAULT
in u: lseek(fd2, 7*PAGE+2232, SEEK_DATA) = 11*PAGE
in u: lseek(fd2, 0, SEEK_END) = 11*PAGE+2289
in u: pread(fd2, r, 1, 0) = -1 EFAULT
