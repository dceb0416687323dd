# kernel-spec §1.2, §1.3: opening /proc/PID/pagemap asks PTRACE_MODE_READ_FSCREDS of the opener.
# An unprivileged process cannot open a privileged process's pagemap (EACCES, as mm_access
# gives it), nor its mem or maps; it opens its own and that of another unprivileged process of
# the same user, and reads them without PFNs. A privileged opener reads any process's pagemap
# with PFNs. status needs no such check.
# Source: fs/proc/task_mmu.c pagemap_open, pagemap_read (file_ns_capable); fs/proc/base.c
# proc_mem_open; kernel/fork.c mm_access; kernel/ptrace.c __ptrace_may_access.
requires: root
process u unprivileged
process v unprivileged
a = mmap(0x200000000, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
store(a, 1, 0x11)
in v: b = mmap(0x300000000, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
in v: store(b, 1, 0x22)
in u: open("/proc/" + pid(main) + "/pagemap", O_RDONLY, 0) = -1 EACCES
in u: open("/proc/" + pid(main) + "/mem", O_RDONLY, 0) = -1 EACCES
in u: open("/proc/" + pid(main) + "/maps", O_RDONLY, 0) = -1 EACCES
in u: st = open("/proc/" + pid(main) + "/status", O_RDONLY, 0) = 3
in u: own = open("/proc/self/pagemap", O_RDONLY, 0) = 4
in u: vm = open("/proc/" + pid(v) + "/pagemap", O_RDONLY, 0) = 5
in u: pagemap(vm, b, 2) == present|exclusive@0, none
in u: ioctl(vm, PAGEMAP_SCAN, {start=b, end=b+2*PAGE, vec_len=2, return_mask=PAGE_IS_PRESENT|PAGE_IS_WRITTEN}) = 2 {walk_end=b+2*PAGE, vec=[{b, b+PAGE, PAGE_IS_PRESENT|PAGE_IS_WRITTEN}, {b+PAGE, b+2*PAGE, PAGE_IS_WRITTEN}]}
rm = open("/proc/" + pid(v) + "/pagemap", O_RDONLY, 0) = 3
pagemap(rm, b, 2) == present|exclusive@P1, none
pagemap(a, 1) == present|exclusive@P2
