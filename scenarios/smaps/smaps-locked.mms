# smaps Locked counts the Pss of the resident pages of a VM_LOCKED VMA: mlock populates and
# locks them; with MLOCK_ONFAULT only the touched pages count; munlock clears it.
# Source: kernel-spec.md §10 (Locked for VM_LOCKED), selftests mlock2-tests.c
# test_mlock_lock / test_mlock_onfault.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(a, 4*PAGE) = 0
vmflags(a) has lo
smaps(a).Rss == 16 kB
smaps(a).Locked == 16 kB
munlock(a, 4*PAGE) = 0
vmflags(a) lacks lo
smaps(a).Locked == 0 kB
b = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(b, 4*PAGE, MLOCK_ONFAULT) = 0
smaps(b).Locked == 0 kB
store(b, 1, 0x11)
smaps(b).Rss == 4 kB
smaps(b).Locked == 4 kB
# Locked follows Pss: after fork the locked page is shared and counts half.
fork() => child
in child: vmflags(b) lacks lo
smaps(b).Locked == 2 kB
