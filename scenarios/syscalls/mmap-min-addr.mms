# Fixed mappings below vm.mmap_min_addr (4096 on the reference machine, so only page 0)
# need privilege: an unprivileged process gets EPERM for page 0 and may map page 1;
# root may map page 0. A hint inside page 0 rounds down to NULL, which is no hint.
# Source: kernel-spec.md §9.1 (address 0x1000 with MAP_FIXED, mmap_min_addr → EPERM);
# mm/mmap.c round_hint_to_min, security_mmap_addr.
requires: root
process p unprivileged
in p: mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 EPERM
in p: mmap(PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = PAGE
z = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0
maps(z) == z..z+PAGE r--p
h = mmap(0x800, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmas(PAGE, PAGE) == 0
maps(h) == h..h+PAGE r--p
