# VmLck is mm->locked_vm: mlock and MAP_LOCKED add the pages, munlock and munmap take them away;
# locking a locked range again (or only switching it to lock-on-fault) adds nothing.
# Source: mm/mlock.c mlock_fixup; mm/vma.c __mmap_complete, vms_complete_munmap_vmas.
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
status.VmLck == 0 kB
mlock(a, 4*PAGE) = 0
status.VmLck == 16 kB
status.RssAnon == 16 kB
mlock(a+2*PAGE, 4*PAGE) = 0
status.VmLck == 24 kB
mlock2(a, 2*PAGE, MLOCK_ONFAULT) = 0
status.VmLck == 24 kB
munlock(a+PAGE, PAGE) = 0
status.VmLck == 20 kB
munmap(a+4*PAGE, 4*PAGE) = 0
status.VmLck == 12 kB
b = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
status.VmLck == 24 kB
status.VmPin == 0 kB
status.VmSwap == 0 kB
