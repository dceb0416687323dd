# Mappings must fit below the 47-bit task size (0x7ffffffff000): a longer length is
# ENOMEM, a MAP_FIXED range that crosses the end is ENOMEM, and a hint whose range would
# cross it is no error: it is ignored and the mapping placed elsewhere.
# Source: kernel-spec.md §9.1 (len > task size → ENOMEM; hint honoured / not).
mmap(NULL, 0x800000000000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
mmap(0x7ffffffff000-PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 ENOMEM
mmap(0x7ffffffff000, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 ENOMEM
x = mmap(0x7ffffffff000, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(x) == x..x+2*PAGE r--p
