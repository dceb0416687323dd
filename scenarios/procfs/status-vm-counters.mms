# VmSize, VmData and VmLib follow the VMAs: mmap adds a mapping's pages, munmap takes them away,
# mprotect moves them between data (private writable) and neither; an executable mapping counts
# as VmLib. Lines print as changes since the process started, so the executor's own image on
# the kernel does not show.
# Source: fs/proc/task_mmu.c task_mem; mm/mmap.c vm_stat_account (is_data_mapping, is_exec_mapping).
status.VmSize == 0 kB
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
status.VmSize == 16 kB
status.VmData == 16 kB
mprotect(a, PAGE, PROT_READ) = 0
status.VmData == 12 kB
status.VmSize == 16 kB
x = mmap(NULL, 2*PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
status.VmLib == 8 kB
status.VmData == 12 kB
fd = memfd_create("shared", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
# a shared writable mapping is not data
status.VmData == 12 kB
status.VmSize == 32 kB
munmap(a, 4*PAGE) = 0
status.VmSize == 16 kB
status.VmData == 0 kB
munmap(x, 2*PAGE) = 0
status.VmLib == 0 kB
status.VmStk == 0 kB
