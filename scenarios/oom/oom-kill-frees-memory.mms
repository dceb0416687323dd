# The OOM killer: a process that touches more anonymous memory than the machine has is killed with
# SIGKILL at the fault that finds no free page; its memory goes back, so another process can use it.
# Source: mm/oom_kill.c out_of_memory (the victim gets SIGKILL and exits, releasing its pages).
# Only the model can show this: on the kernel backend the machine's own OOM killer would choose
# among all of the machine's processes, so the scenario requires 'oom', which that backend refuses.
# The model's machine has 1 GiB of RAM (KernelConfig.linux618).
requires: oom
b = mmap(NULL, 0x48000000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
fork() => hog
in hog: store(b, 0x4000000, 1)
in hog: store(b+0x4000000, 0x4000000, 1)
in hog: store(b+0x8000000, 0x4000000, 1)
in hog: store(b+0xc000000, 0x4000000, 1)
in hog: store(b+0x10000000, 0x4000000, 1)
in hog: store(b+0x14000000, 0x4000000, 1)
in hog: store(b+0x18000000, 0x4000000, 1)
in hog: store(b+0x1c000000, 0x4000000, 1)
in hog: store(b+0x20000000, 0x4000000, 1)
in hog: store(b+0x24000000, 0x4000000, 1)
in hog: store(b+0x28000000, 0x4000000, 1)
in hog: store(b+0x2c000000, 0x4000000, 1)
in hog: store(b+0x30000000, 0x4000000, 1)
in hog: store(b+0x34000000, 0x4000000, 1)
in hog: store(b+0x38000000, 0x4000000, 1)
in hog: store(b+0x3c000000, 0x4000000, 1) => SIGKILL
# the parent was not the victim, and the victim's pages are free again
store(b, 0x4000000, 2)
load(b+0x3ffffff, 1) == 2
