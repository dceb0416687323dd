# mremap(old, 0, len, MAYMOVE|FIXED, new) whose destination starts at the source: clearing the
# destination unmaps the source mapping itself, so the move finds nothing there and fails
# with EFAULT (mm/mremap.c mremap_to). Found by mmkit fuzz --seed 900806.
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mmap(r+3*PAGE, 7*PAGE, PROT_READ|PROT_EXEC, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
mremap(r+4*PAGE, 0, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+4*PAGE) = -1 EFAULT
vmas(r+3*PAGE, 7*PAGE) == 1
maps(r+3*PAGE) == r+3*PAGE..r+4*PAGE r-xs
maps(r+4*PAGE) == none
