# kernel-spec §1.2: the pagemap file as a descriptor: 8-byte entries at offset address/PAGE*8,
# read with pread or read after lseek; a position or count not a multiple of 8 is EINVAL, a
# count of 0 reads nothing, a read at the task size is EOF and one across it is short.
# Source: fs/proc/task_mmu.c pagemap_read, mem_lseek.
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
# a at 0x200000000: its entries start at file offset 0x1000000
a = mmap(0x200000000, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a+PAGE, 1, 0x11)
pread(pm, buf, 32, 0x1000000) = 32
load(buf, 8) == 0
load(buf+16, 8) == 0
load(buf+15, 1) == 0x81
pread(pm, buf, 7, 0x1000000) = -1 EINVAL
pread(pm, buf, 8, 0x1000000+4) = -1 EINVAL
pread(pm, buf, 0, 0x1000000) = 0
pread(pm, buf, 8, 0x7ffffffff*8) = 0
pread(pm, buf, 16, 0x7fffffffe*8) = 8
pread(pm, buf, 8, 0x800000000*8) = 0
lseek(pm, 0x1000000, SEEK_SET) = 0x1000000
read(pm, buf, 16) = 16
load(buf, 8) == 0
load(buf+15, 1) == 0x81
lseek(pm, 0, SEEK_CUR) = 0x1000000+16
lseek(pm, 3, SEEK_CUR) = 0x1000000+19
read(pm, buf, 8) = -1 EINVAL
lseek(pm, 0, SEEK_END) = -1 EINVAL
pread(pm, 0x10000, 8, 0x1000000) = -1 EFAULT
write(pm, buf, 8) = -1 EBADF
