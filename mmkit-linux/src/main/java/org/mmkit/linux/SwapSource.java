package org.mmkit.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Where the machine setup gets a swap area from when the machine has none. */
interface SwapSource {

    /** What the source makes, for reasons: {@code a zram device}, {@code a swap file in /var/tmp}. */
    String description();

    /** Makes a swap area of {@code bytes} and switches it on; on failure leaves nothing behind. */
    SwapArea provide(long bytes) throws IOException;

    /**
     * A new zram device (a compressed RAM disk): {@code hot_add} creates it, so a device the
     * machine already has is never touched, and {@code hot_remove} deletes it after swapoff.
     */
    SwapSource ZRAM = new SwapSource() {
        private static final Path CONTROL = Path.of("/sys/class/zram-control");

        @Override
        public String description() {
            return "a zram device";
        }

        @Override
        public SwapArea provide(long bytes) throws IOException {
            if (!Files.isDirectory(CONTROL)) {
                throw new IOException("the kernel has no " + CONTROL + " (zram is not built in or loaded)");
            }
            // reading hot_add creates the device and answers its number
            String id = Files.readString(CONTROL.resolve("hot_add")).strip();
            return SwapArea.activate(Path.of("/dev/zram" + id), bytes,
                    () -> Files.writeString(Path.of("/sys/block/zram" + id + "/disksize"), Long.toString(bytes)),
                    () -> Files.writeString(CONTROL.resolve("hot_remove"), id));
        }
    };

    /**
     * A swap file in {@code directory}, written in full (swapon refuses files with holes), mode
     * 0600 (the kernel warns about swap files others can read), deleted after swapoff.
     */
    static SwapSource file(Path directory) {
        return new SwapSource() {
            private static final int CHUNK = 1 << 20;

            @Override
            public String description() {
                return "a swap file in " + directory;
            }

            @Override
            public SwapArea provide(long bytes) throws IOException {
                Path file = Files.createTempFile(directory, "mmkit-swap-", "",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return SwapArea.activate(file, bytes, () -> fill(file, bytes), () -> Files.deleteIfExists(file));
            }

            private static void fill(Path file, long bytes) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
                    long position = 0;
                    while (position < bytes) {
                        zeros.clear().limit((int) Math.min(CHUNK, bytes - position));
                        position += channel.write(zeros, position);
                    }
                    channel.force(true);
                }
            }
        };
    }
}
