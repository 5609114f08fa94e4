package tandem.boot.args;

/**
 * CRC-16/X-25 (reflected polynomial 0x8408, init 0xFFFF, final xor 0xFFFF), the checksum each
 * argument-block tag header carries. Check value: "123456789" → 0x906E.
 */
public final class Crc16X25 {

    private Crc16X25() {
    }

    /** The CRC of {@code len} bytes of {@code data} from {@code off}. */
    public static int of(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= data[i] & 0xFF;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }
}
