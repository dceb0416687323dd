package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * {@code pagemap-resident} and {@code pagemap-untouched}: pagemap entries of a resident or a
 * never-touched range of {@link ModelSetup#PAGEMAP_PAGES} pages, read a whole range at a time.
 * One operation is one entry.
 */
final class PagemapRead implements Workload {
    private final Kernel kernel = ModelSetup.kernel(false);
    private final SimProcess process = kernel.newProcess(true);
    private final long offset;
    private final byte[] buffer = new byte[ModelSetup.PAGEMAP_PAGES * PagemapEntryLayout.ENTRY_BYTES];

    PagemapRead(boolean resident) {
        long start = ModelSetup.mapAnon(process, ModelSetup.PAGEMAP_PAGES * Uapi.PAGE_SIZE);
        if (resident) {
            ModelSetup.touch(process, start, ModelSetup.PAGEMAP_PAGES);
        }
        offset = start / Uapi.PAGE_SIZE * PagemapEntryLayout.ENTRY_BYTES;
    }

    @Override
    public void run(int ops) {
        for (int done = 0; done < ops; done += ModelSetup.PAGEMAP_PAGES) {
            process.pagemapRead(offset, buffer);
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
