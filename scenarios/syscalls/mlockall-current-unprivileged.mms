# An unprivileged process whose mappings all fit in RLIMIT_MEMLOCK may use mlockall(MCL_CURRENT)
# (mm/mlock.c compares mm->total_vm with the limit). The kernel backend cannot show it: the
# executor's own image (its transfer buffers and thread stacks, over 8 MiB) counts in the
# scenario process's total_vm, so there the call is -1 ENOMEM, while the model's process starts
# empty (docs/architecture.md, "Process image").
divergence: the executor's own mappings exceed RLIMIT_MEMLOCK in the kernel's total_vm
requires: root
process p unprivileged
in p: a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
# the kernel: -1 ENOMEM
in p: mlockall(MCL_CURRENT) = 0
in p: vmflags(a) has lo
in p: smaps(a).Locked == 16 kB
