# Struct literals are stored with the layouts of include/uapi/linux/userfaultfd.h (6.18) and
# read back member by member; the byte loads check the offsets and sizes against the C header:
# uffdio_range 16 bytes (start @0, len @8), uffdio_register 32 (range @0, mode @16, ioctls @24),
# uffdio_api 24, uffdio_copy 40 (dst, src, len, mode, copy @32), uffdio_zeropage 32,
# uffdio_writeprotect 24, uffdio_continue 32, uffd_msg 32 packed (event @0, arg @8;
# pagefault.flags @8, .address @16, .feat.ptid @24). Members not written are zero.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, 64, 0xee)
store(buf, uffdio_register{range={start=buf, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP})
load(buf, uffdio_register) == {range={start=buf, len=PAGE}, mode=3, ioctls=0}
load(buf+8, 32) == 0x00 0x10 0x00*6 0x03 0x00*15 0xee*8
store(buf, uffdio_range{start=0x1122334455667000, len=0x1234})
# byte 16 lies past the uffdio_range: it keeps the mode stored before
load(buf, 17) == 0x00 0x70 0x66 0x55 0x44 0x33 0x22 0x11 0x34 0x12 0x00*6 0x03
load(buf, uffdio_range) == {len=0x1234}
store(buf, uffdio_api{api=UFFD_API, features=0x1ffff})
load(buf, 25) == 0xaa 0x00*7 0xff 0xff 0x01 0x00*13 0x00
load(buf, uffdio_api) == {api=UFFD_API, features=0x1ffff, ioctls=0}
store(buf, uffdio_copy{dst=buf+PAGE-16, src=0x7000, len=PAGE, mode=2, copy=-1})
load(buf+8, 40) == 0x00 0x70 0x00*6 0x00 0x10 0x00*6 0x02 0x00*7 0xff*8 0xee*8
load(buf, uffdio_copy) == {dst=buf+PAGE-16, src=0x7000, len=PAGE, mode=2, copy=-1}
store(buf, uffdio_zeropage{range={start=0x5000, len=PAGE}, zeropage=-11})
load(buf, 32) == 0x00 0x50 0x00*6 0x00 0x10 0x00*6 0x00*8 0xf5 0xff*7
load(buf, uffdio_zeropage) == {range={start=0x5000, len=PAGE}, mode=0, zeropage=-11}
store(buf, uffdio_writeprotect{range={len=8}, mode=1})
load(buf, 24) == 0x00*8 0x08 0x00*7 0x01 0x00*7
load(buf, uffdio_writeprotect) == {range={start=0, len=8}, mode=1}
store(buf, uffdio_continue{mode=1, mapped=PAGE})
load(buf, 32) == 0x00*16 0x01 0x00*7 0x00 0x10 0x00*6
load(buf, uffdio_continue) == {mode=1, mapped=PAGE}
store(buf, uffd_msg{event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=1, address=0x7123, feat={ptid=77}}}})
load(buf, 32) == 0x12 0x00*7 0x01 0x00*7 0x23 0x71 0x00*6 0x4d 0x00*7
load(buf, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=1, address=0x7123, feat={ptid=77}}}}
store(buf, uffd_msg{event=0x14, arg={remap={from=buf, to=buf+PAGE-1, len=PAGE}}})
load(buf, uffd_msg) == {event=0x14, arg={remap={from=buf, to=buf+PAGE-1, len=PAGE}}}
store(buf, loff_t{-2})
load(buf, 8) == 0xfe 0xff*7
load(buf, loff_t) == -2
store(buf, int{0x7fffffff})
load(buf, int) == 0x7fffffff
load(buf, 5) == 0xff*3 0x7f 0xff
# a stored object can be named: the name is its address, and addresses inside it print relative to it
reg = store(buf+64, uffdio_register{range={start=buf+64+16, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR})
load(reg, uffdio_register) == {range={start=reg+16, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR, ioctls=0}
load(reg+16, 8) == 0x04 0x00*7
