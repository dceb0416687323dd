# A write fault on private anonymous memory maps a new page of its own: present and
# exclusive, not file; each written page is a different frame.
# Source: kernel-spec.md §1.5, §1.6 (anon write → 0x81…).
requires: root, zero-page
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x01)
pagemap(a, 2) == present|exclusive@P1, none
store(a+PAGE, 1, 0x02)
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
# A write after a read replaces the zero page with a new page.
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(b, 1) == 0
pagemap(b, 1) == present@P3
store(b, 1, 0x03)
pagemap(b, 1) == present|exclusive@P4
