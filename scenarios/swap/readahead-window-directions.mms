# The readahead window follows the faults: centred on a fault after one far away, reaching back
# from a fault just below the last one (a backward scan), kept at half the last window when the
# hits would make it smaller, and never past the VMA's ends.
# Source: mm/swap_state.c swap_vma_ra_win (the direction from prev_faddr), __swapin_nr_pages
# ("don't shrink readahead too fast").
requires: root, swap
a = mmap(NULL, 32*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 32*PAGE, 0x11)
madvise(a, 32*PAGE, MADV_PAGEOUT) = 0
fork() => child
load(a+20*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*17 1*8 0*7
load(a+15*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*14 1*11 0*7
load(a+14*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*14 1*11 0*7
load(a+13*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*10 1*15 0*7
load(a+12*PAGE, 1) == 0x11
load(a+30*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*10 1*15 0*4 1*3
load(a+2*PAGE, 1) == 0x11
mincore(a, 32*PAGE) == 0*2 1*2 0*6 1*15 0*4 1*3
in child: load(a+5*PAGE, 1) == 0x11
in child: mincore(a, 32*PAGE) == 0*2 1*23 0*4 1*3
in child: pagemap(a+4*PAGE, 3) == swapped@S1, present|exclusive@P1, swapped@S2
