# process_vm_readv/writev stop at the first failure and return the bytes moved before it: a
# remote range that runs into unmapped memory, a remote page the target may not read (PROT_NONE:
# no FOLL_FORCE here) or write (a read-only mapping), a local buffer that faults. With nothing
# moved the call fails with EFAULT.
# Source: mm/process_vm_access.c process_vm_rw_core (total_len), process_vm_rw_single_vec,
# process_vm_rw_pages; mm/gup.c check_vma_flags.
buf = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
r = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(r, 3*PAGE, 0x5a)
fork() => child
in child: munmap(r+2*PAGE, PAGE) = 0
# remote: runs past the child's mapping
store(iov, iovec{iov_base=buf, iov_len=3*PAGE})
store(iov+16, iovec{iov_base=r+PAGE+10, iov_len=2*PAGE})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = 4086
store(iov+16, iovec{iov_base=r+2*PAGE, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
# a second remote iovec that faults after the first moved its bytes
store(iov+16, iovec{iov_base=r, iov_len=5})
store(iov+32, iovec{iov_base=r+2*PAGE, iov_len=5})
process_vm_readv(pid(child), iov, 1, iov+16, 2, 0) = 5
# PROT_NONE in the child: not readable without force; read-only: not writable
in child: mprotect(r, PAGE, PROT_NONE) = 0
in child: mprotect(r+PAGE, PAGE, PROT_READ) = 0
store(iov+16, iovec{iov_base=r, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
store(iov+16, iovec{iov_base=r+PAGE-4, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
store(iov+16, iovec{iov_base=r+PAGE, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = 8
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
# local: the buffer runs into unmapped memory of the caller
munmap(buf+PAGE, PAGE) = 0
store(iov, iovec{iov_base=buf+PAGE-6, iov_len=20})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = 6
load(buf+PAGE-6, 6) == 0x5a*6
store(iov, iovec{iov_base=buf+PAGE, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
in child: mprotect(r+PAGE, PAGE, PROT_READ|PROT_WRITE) = 0
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0) = -1 EFAULT
store(iov, iovec{iov_base=buf+PAGE-2, iov_len=8})
store(buf+PAGE-2, "ok")
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0) = 2
in child: load(r+PAGE, 4) == "ok" 0x5a*2
# the remote pages of an iovec are pinned (faulted in) a batch at a time before any byte moves:
# a local buffer that ends after one page still leaves all eight of the child's pages present
u = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in child: u2 = mmap(u, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
munmap(u+PAGE, 7*PAGE) = 0
store(iov, iovec{iov_base=u, iov_len=8*PAGE})
store(iov+16, iovec{iov_base=u, iov_len=8*PAGE})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = 4096
in child: mincore(u, 8*PAGE) == 1 1 1 1 1 1 1 1
