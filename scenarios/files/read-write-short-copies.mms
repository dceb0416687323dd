# A buffer that stops part way makes read() and write() short: the bytes before the bad page
# are copied and counted; a buffer with no good byte fails with EFAULT and no signal is raised.
# A read into a read-only buffer and a write from a page past the end of a mapped file
# (SIGBUS for a CPU access) fail the same way.
# Source: mm/shmem.c shmem_file_read_iter (copy_folio_to_iter short: EFAULT if nothing read),
# mm/filemap.c generic_perform_write (fault_in_iov_iter_readable), arch/x86 uaccess fixups.
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(buf+PAGE, PAGE)
fd = memfd_create("short", 0)
ftruncate(fd, 3*PAGE)
read(fd, buf+PAGE-100, 200) = 100
lseek(fd, 0, SEEK_CUR) = 100
read(fd, buf+PAGE, 10) = -1 EFAULT
lseek(fd, 0, SEEK_CUR) = 100
store(buf+PAGE-100, 100, 0x5a)
lseek(fd, 0, SEEK_SET) = 0
write(fd, buf+PAGE-100, 200) = 100
write(fd, buf+PAGE, 10) = -1 EFAULT
lseek(fd, 0, SEEK_CUR) = 100
mprotect(buf, PAGE, PROT_READ) = 0
read(fd, buf, 10) = -1 EFAULT
load(buf, 1) == 0
# a mapping of a 1-page file: its second page is past EOF
g = memfd_create("eof", 0)
ftruncate(g, PAGE)
m = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, g, 0)
load(m+PAGE, 1) => SIGBUS BUS_ADRERR at m+PAGE
write(fd, m+PAGE-8, 16) = 8
write(fd, m+PAGE, 16) = -1 EFAULT
read(fd, m+PAGE, 16) = -1 EFAULT
