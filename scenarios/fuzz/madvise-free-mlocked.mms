# MADV_FREE is refused (EINVAL) on mlocked VMAs, MLOCK_ONFAULT ones too, as MADV_DONTNEED is;
# only MADV_DONTNEED_LOCKED may drop locked pages. Source: mm/madvise.c madvise_dontneed_free_valid_vma.
# Found by mmkit fuzz --seed 2035 (and 2068, 3024, 3075): the model freed the pages.
m = mmap(NULL, 4*PAGE, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(m, 4*PAGE, 1)
mlock2(m, 3*PAGE, 0) = 0
madvise(m, 4*PAGE, MADV_FREE) = -1 EINVAL
madvise(m+3*PAGE, PAGE, MADV_FREE) = 0
madvise(m, PAGE, MADV_DONTNEED) = -1 EINVAL
madvise(m, PAGE, MADV_DONTNEED_LOCKED) = 0
mlock2(m+3*PAGE, PAGE, MLOCK_ONFAULT) = 0
madvise(m+3*PAGE, PAGE, MADV_FREE) = -1 EINVAL
