# RssAnon, RssShmem and VmRSS count the pages mapped, by the kind of page (mm_counter): anonymous
# pages, shmem pages (a memfd, shared anonymous memory); a private write to a memfd mapping swaps
# a shmem page for an anonymous one; MADV_DONTNEED and munmap take them away.
# Source: mm/memory.c add_mm_counter/mm_counter; fs/proc/task_mmu.c task_mem.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 1)
status.RssAnon == 12 kB
fd = memfd_create("rss", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 2)
status.RssShmem == 8 kB
status.VmRSS == 20 kB
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
# the read fault maps page 0 and, by fault-around, the other cached page
load(p, 1) == 2
status.RssShmem == 16 kB
store(p, 1, 3)
status.RssShmem == 12 kB
status.RssAnon == 16 kB
madvise(a, 2*PAGE, MADV_DONTNEED) = 0
status.RssAnon == 8 kB
sh = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(sh, 2*PAGE, 4)
status.RssShmem == 20 kB
munmap(s, 4*PAGE) = 0
status.RssShmem == 12 kB
status.VmRSS == 20 kB
status.RssFile == 0 kB
