package org.mmkit.core.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The ABI layouts against include/uapi/linux/userfaultfd.h, asm-generic/poll.h, linux/uio.h,
 * linux/resource.h and x86's asm/stat.h of 6.18, and scalar encoding.
 */
class AbiTypesTest {

    @Test
    void sizesAreThoseOfTheCHeader() {
        assertThat(AbiTypes.ALL).extracting(CType::name, CType::size).containsExactly(
                tuple("int", 4), tuple("loff_t", 8), tuple("pollfd", 8), tuple("stat", 144), tuple("iovec", 16),
                tuple("uffdio_api", 24), tuple("uffdio_range", 16),
                tuple("uffdio_register", 32), tuple("uffdio_copy", 40),
                tuple("uffdio_zeropage", 32),
                tuple("uffdio_writeprotect", 24),
                tuple("uffdio_continue", 32), tuple("uffdio_move", 40), tuple("uffdio_poison", 32), tuple("uffd_msg", 32), tuple("rlimit", 16),
                tuple("pm_scan_arg", 96), tuple("page_region", 24));
    }

    /** {@code pm_scan_arg}'s encoder puts each argument in the member of the same name, and {@code size} first. */
    @Test
    void pmScanArgEncodesEachMemberInItsPlace() {
        byte[] arg = PmScanArgLayout.encode(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        String[] members = {"size", "flags", "start", "end", "walk_end", "vec", "vec_len", "max_pages", "category_inverted",
                "category_mask", "category_anyof_mask", "return_mask"};
        long[] values = {PmScanArgLayout.SIZE, 1, 2, 3, 0, 4, 5, 6, 7, 8, 9, 10};
        for (int i = 0; i < members.length; i++) {
            int offset = PmScanArgLayout.TYPE.field(members[i]).offset();
            assertThat(Scalars.U64.read(arg, offset)).as(members[i]).isEqualTo(values[i]);
        }
    }

    /** Struct members follow each other without overlap or holes; union members all start at 0. */
    @Test
    void structMembersTileTheirStruct() {
        for (CType type : AbiTypes.ALL) {
            if (type instanceof Aggregate a) {
                assertTiled(a);
            }
        }
    }

    private static void assertTiled(Aggregate a) {
        int end = 0;
        for (Field f : a.fields()) {
            if (a.union()) {
                assertThat(f.offset()).as(a.name() + "." + f.name()).isZero();
            } else {
                assertThat(f.offset()).as(a.name() + "." + f.name()).isEqualTo(end);
                end = f.offset() + f.type().size();
            }
            if (f.type() instanceof Aggregate inner) {
                assertTiled(inner);
            }
        }
        if (!a.union()) {
            // only tail padding may follow (arg.pagefault: 20 bytes of members in 24)
            assertThat(a.size() - end).as(a.name() + " tail padding").isBetween(0, 7);
        }
    }

    @Test
    void uffdMsgPagefaultMembersSitWhereTheKernelWritesThem() {
        Aggregate arg = (Aggregate) UffdMsgLayout.TYPE.field("arg").type();
        Aggregate pagefault = (Aggregate) arg.field("pagefault").type();
        assertThat(UffdMsgLayout.TYPE.field("arg").offset() + pagefault.field("address").offset()).isEqualTo(16);
        assertThat(UffdMsgLayout.TYPE.field("arg").offset() + pagefault.field("feat").offset()).isEqualTo(24);
        assertThat(UffdioRegisterLayout.TYPE.field("ioctls").offset()).isEqualTo(UffdioRegisterLayout.IOCTLS_OFFSET);
    }

    @Test
    void scalarsAreLittleEndianAndExtendBySign() {
        byte[] b = Scalars.LOFF_T.bytes(-2);
        assertThat(b).containsExactly(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        assertThat(Scalars.LOFF_T.read(b, 0)).isEqualTo(-2);
        assertThat(Scalars.U32.read(b, 0)).isEqualTo(0xfffffffeL);
        assertThat(Scalars.INT.read(b, 0)).isEqualTo(-2);
        assertThat(Scalars.INT.bytes(0x1_2345_6789L)).containsExactly(0x89, 0x67, 0x45, 0x23);
        assertThat(Scalars.U8.read(new byte[] {(byte) 0x80}, 0)).isEqualTo(0x80);
    }

    @Test
    void aMemberOutsideItsStructIsRefused() {
        assertThatThrownBy(() -> Aggregate.struct("bad", 4, new Field("x", 0, Scalars.U64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad.x lies outside 4 bytes");
        assertThat(List.of(Scalars.U64_ADDRESS.size(), Scalars.U64_LENGTH.size())).containsOnly(8);
    }
}
