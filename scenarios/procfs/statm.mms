# statm: size (total_vm), resident, shared (file and shmem pages) and data (data_vm + stack_vm),
# in pages; text, lib and dt do not change with the scenario's mappings.
# Source: fs/proc/task_mmu.c task_statm; fs/proc/array.c proc_pid_statm.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 1)
statm.size == 4
statm.resident == 2
statm.data == 4
fd = memfd_create("statm", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 2)
statm.size == 7
statm.resident == 5
statm.shared == 3
statm.data == 4
statm.text == 0
statm.lib == 0
statm.dt == 0
munmap(a, 4*PAGE) = 0
statm.resident == 3
statm.data == 0
