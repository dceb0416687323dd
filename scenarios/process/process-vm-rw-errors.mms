# The argument checks of process_vm_readv/writev, in the kernel's order: flags first (EINVAL),
# then the local iovecs (more than UIO_MAXIOV EINVAL, an unreadable array EFAULT, a negative
# length EINVAL, a buffer past the user address space EFAULT); nothing to move returns 0 before
# the remote iovecs or the pid are looked at; then the remote iovecs (EINVAL, EFAULT, but their
# buffers are not checked), and only when some has a length the pid (ESRCH).
# Source: mm/process_vm_access.c process_vm_rw, process_vm_rw_core; lib/iov_iter.c import_iovec,
# iovec_from_user.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => child
store(iov, iovec{iov_base=buf, iov_len=8})
store(iov+16, iovec{iov_base=buf, iov_len=8})
process_vm_readv(pid(child), iov, 1, iov+16, 1, 1) = -1 EINVAL
process_vm_writev(pid(child), iov, 1, iov+16, 1, 0x100) = -1 EINVAL
process_vm_readv(pid(child), iov, 1025, iov+16, 1, 0) = -1 EINVAL
process_vm_readv(pid(child), 0, 1, iov+16, 1, 0) = -1 EFAULT
process_vm_readv(pid(child), iov, 1, iov+16, 1025, 0) = -1 EINVAL
process_vm_readv(pid(child), iov, 1, 0, 1, 0) = -1 EFAULT
# nothing to move locally: 0 whatever the remote side and pid are
process_vm_readv(0x7ffffff0, iov, 0, 0, 1025, 0) = 0
store(iov+32, iovec{iov_base=buf, iov_len=0})
process_vm_readv(0x7ffffff0, iov+32, 1, 0, 1, 0) = 0
# nothing named remotely: 0 before the pid is looked up
process_vm_readv(0x7ffffff0, iov, 1, iov+32, 1, 0) = 0
process_vm_readv(0x7ffffff0, iov, 1, iov, 0, 0) = 0
process_vm_readv(0x7ffffff0, iov, 1, iov+16, 1, 0) = -1 ESRCH
process_vm_writev(0, iov, 1, iov+16, 1, 0) = -1 ESRCH
process_vm_readv(-1, iov, 1, iov+16, 1, 0) = -1 ESRCH
# a negative length, local or remote
store(iov+48, iovec{iov_base=buf, iov_len=-1})
process_vm_readv(pid(child), iov+48, 1, iov+16, 1, 0) = -1 EINVAL
process_vm_readv(pid(child), iov, 1, iov+48, 1, 0) = -1 EINVAL
# a local buffer past the user address space is EFAULT up front; a remote one only when reached
store(iov+64, iovec{iov_base=0x7ffffffff000, iov_len=PAGE})
process_vm_readv(pid(child), iov+64, 1, iov+16, 1, 0) = -1 EFAULT
process_vm_readv(pid(child), iov, 1, iov+64, 1, 0) = -1 EFAULT
store(iov+80, iovec{iov_base=0xfffffffffffff000, iov_len=PAGE})
process_vm_readv(pid(child), iov, 1, iov+80, 1, 0) = -1 EFAULT
