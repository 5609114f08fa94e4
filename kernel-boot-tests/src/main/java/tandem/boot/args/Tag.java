package tandem.boot.args;

import java.nio.charset.StandardCharsets;

/**
 * One tag of an argument block: a four-character name, the CRC its header carries, and its data
 * words. {@code offset} is the byte offset of the tag header from the start of the block.
 *
 * @param name      the fourcc, e.g. {@code "XKrn"}
 * @param offset    byte offset of the 8-byte header within the block
 * @param storedCrc the CRC-16/X-25 written in the header
 * @param data      the data words (header excluded)
 */
public record Tag(String name, int offset, int storedCrc, int[] data) {

    /** The fourcc as the little-endian word stored in the block. */
    public static int fourcc(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    /** The name spelled by a little-endian fourcc word (non-printable bytes as '?'). */
    public static String name(int fourcc) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = (fourcc >>> (8 * i)) & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }

    /** The CRC-16/X-25 of the data words as they are laid out in the block. */
    public int computedCrc() {
        byte[] bytes = new byte[data.length * 4];
        for (int i = 0; i < data.length; i++) {
            for (int k = 0; k < 4; k++) {
                bytes[4 * i + k] = (byte) (data[i] >>> (8 * k));
            }
        }
        return Crc16X25.of(bytes, 0, bytes.length);
    }

    /** Whether the header's CRC matches the data (the Xous loader never checks this). */
    public boolean crcValid() {
        return computedCrc() == storedCrc;
    }

    /** The tag in the kernel's "Kernel arguments:" spelling: name, fourcc, bytes, words. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("%s (%08x, %d bytes):", name, fourcc(name), data.length * 4));
        for (int w : data) {
            s.append(String.format(" %08x", w));
        }
        return s.toString();
    }
}
