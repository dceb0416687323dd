# Once the child has exited, the parent is the only user of a formerly shared page:
# its write fault reuses the page in place instead of copying it.
# Source: kernel-spec.md §10 (do_wp_page reuses a page no longer shared), §1.5.
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x33)
store(b, PAGE, 0x44)
fork() => child
pfn(a) == pfn(child, a)
exit(child)
pagemap(a, 1) == present|exclusive@P1
store(b, PAGE, 0x55)
pfn(a) != pfn(b)
store(a, 1, 0x66)
load(a, 2) == 0x66 0x33
pagemap(a, 1) == present|exclusive@P1
