package org.mmkit.core.abi;

import java.util.List;

/**
 * The named C types a user of the model (and the scenario language) can store into and load from
 * simulated memory: each comes from its layout class, the one place its offsets are defined.
 */
public final class AbiTypes {
    private AbiTypes() {
    }

    /** Every named type, scalars first. */
    public static final List<CType> ALL = List.of(
            Scalars.INT, Scalars.LOFF_T, PollfdLayout.TYPE, StatLayout.TYPE, IovecLayout.TYPE,
            UffdioApiLayout.TYPE, UffdioRangeLayout.TYPE, UffdioRegisterLayout.TYPE, UffdioCopyLayout.TYPE,
            UffdioZeropageLayout.TYPE, UffdioWriteprotectLayout.TYPE, UffdioContinueLayout.TYPE,
            UffdioMoveLayout.TYPE, UffdioPoisonLayout.TYPE, UffdMsgLayout.TYPE, RlimitLayout.TYPE,
            PmScanArgLayout.TYPE, PageRegionLayout.TYPE);

    /**
     * A type by its C name.
     *
     * @param name e.g. {@code uffdio_register}
     * @return the type called {@code name}, or null
     */
    public static CType named(String name) {
        for (CType t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
