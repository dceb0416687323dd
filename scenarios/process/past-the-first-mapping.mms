# Nothing lies next to a scenario's first mapping: the bytes just past its end and just before
# its start are unmapped, so a load or store there faults with SEGV_MAPERR, every time.
# On the kernel the first mmap(NULL) would sit right below [vvar], whose time data changes from
# run to run; the executor moves the vDSO below its own image (docs/linux-backend.md, "Process
# image"), so both backends start with an empty area below mmap_base.
# Source: arch/x86/entry/vdso/vma.c map_vdso (top-down placement of the vDSO);
# arch/x86/mm/fault.c bad_area_nosemaphore (no VMA: SEGV_MAPERR).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x5a)
load(a+4*PAGE, 1) => SIGSEGV SEGV_MAPERR at a+4*PAGE
store(a+4*PAGE, 1, 1) => SIGSEGV SEGV_MAPERR at a+4*PAGE
load(a-1, 1) => SIGSEGV SEGV_MAPERR at a-1
# A store running off the end writes what fits and faults at the first byte past it.
store(a+4*PAGE-2, "\x11\x22\x33\x44") => SIGSEGV SEGV_MAPERR at a+4*PAGE
load(a+4*PAGE-2, 2) == 0x11 0x22
maps(a+4*PAGE) == none
maps(a-PAGE) == none
vmas(a-16*PAGE, 36*PAGE) == 1
