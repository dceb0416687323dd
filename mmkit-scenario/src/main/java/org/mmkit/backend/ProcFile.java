package org.mmkit.backend;

/** Text files under {@code /proc/PID} a scenario can read. */
public enum ProcFile {
    MAPS("maps"), SMAPS("smaps"), STATUS("status"), STATM("statm"), SMAPS_ROLLUP("smaps_rollup");

    private final String fileName;

    ProcFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
