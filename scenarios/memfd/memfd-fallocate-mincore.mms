# fallocate adds page-cache pages without mapping them, and shmem leaves them "not up to
# date" until first use: mincore reports them only once a fault (or a second fallocate) has
# initialised them, and fault-around does not map them. Without KEEP_SIZE the file grows.
# Source: mm/shmem.c shmem_fallocate / shmem_get_folio_gfp, mm/mincore.c mincore_page
# (folio_test_uptodate), observed on the reference kernel. The mapping sits at a fixed
# 2 MiB-aligned address so that the fault-around window is the same on every backend.
requires: root
fd = memfd_create("falloc", 0)
a = mmap(0x200000000, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED_NOREPLACE, fd, 0)
fallocate(fd, 0, 0, 4*PAGE) = 0
mincore(a, 8*PAGE) == 0
pagemap(a, 8) == none
# The file is now 4 pages: the fifth page is past EOF.
load(a+4*PAGE, 1) => SIGBUS BUS_ADRERR at a+4*PAGE
# A second fallocate over page 1 initialises it.
fallocate(fd, 0, PAGE, PAGE) = 0
mincore(a, 8*PAGE) == 0 1 0*6
# A fault initialises page 3; fault-around maps the up-to-date page 1 with it, not 0 or 2.
load(a+3*PAGE, 1) == 0
mincore(a, 8*PAGE) == 0 1 0 1 0*4
pagemap(a, 4) == none, present|file|exclusive, none, present|file|exclusive
# KEEP_SIZE allocates past EOF without growing the file.
fallocate(fd, FALLOC_FL_KEEP_SIZE, 4*PAGE, 2*PAGE) = 0
load(a+4*PAGE, 1) => SIGBUS BUS_ADRERR at a+4*PAGE
ftruncate(fd, 8*PAGE) = 0
load(a+4*PAGE, 2*PAGE) == 0
mincore(a, 8*PAGE) == 0 1 0 1 1 1 0 0
