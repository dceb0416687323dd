# process_vm_readv and process_vm_writev move bytes between the caller's iovecs and iovecs naming
# another process's memory, here a forked child's. A write lands in the child's own copy of a
# page it still shares with its parent (COW breaks as for the child's own write fault) and
# leaves the parent's alone. Several iovecs on either side are consumed in order.
# Source: mm/process_vm_access.c process_vm_rw, process_vm_rw_core, process_vm_rw_single_vec.
buf = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, "parent")
store(buf+PAGE, PAGE, 0x11)
fork() => child
in child: store(buf, "child!")
store(iov, iovec{iov_base=buf+2*PAGE, iov_len=6})
store(iov+16, iovec{iov_base=buf, iov_len=6})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 0) = 6
load(buf+2*PAGE, 6) == "child!"
load(buf, 6) == "parent"
# a write into the child's page still shared with the parent breaks COW in the child
store(buf+2*PAGE, "writer")
store(iov+16, iovec{iov_base=buf+PAGE+8, iov_len=6})
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0) = 6
in child: load(buf+PAGE, 16) == 0x11*8 "writer" 0x11*2
load(buf+PAGE, 16) == 0x11*16
# two local iovecs against three remote ones; a read across a page boundary of the child
in child: store(buf+2*PAGE-3, "abcdefgh")
store(iov, iovec{iov_base=buf+3*PAGE, iov_len=2})
store(iov+16, iovec{iov_base=buf+3*PAGE+100, iov_len=10})
store(iov+32, iovec{iov_base=buf+2*PAGE-3, iov_len=5})
store(iov+48, iovec{iov_base=0, iov_len=0})
store(iov+64, iovec{iov_base=buf, iov_len=20})
process_vm_readv(pid(child), iov, 2, iov+32, 3, 0) = 12
load(buf+3*PAGE, 2) == "ab"
load(buf+3*PAGE+100, 10) == "cdechild!" 0
# its own process is a target too
process_vm_readv(pid(main), iov, 1, iov+32, 1, 0) = 2
load(buf+3*PAGE, 2) == 0x11*2
