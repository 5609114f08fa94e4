package tandem.golden.hart;

/**
 * Little-endian halfword and word access to RAM backing arrays for compiled code, written out
 * byte by byte: the JVM compiles these far faster than a VarHandle access, which matters when
 * hundreds of compiled regions each inline several of them.
 */
final class LittleEndian {
    private LittleEndian() {
    }

    static int getInt(byte[] a, int i) {
        return (a[i] & 0xFF) | (a[i + 1] & 0xFF) << 8 | (a[i + 2] & 0xFF) << 16 | a[i + 3] << 24;
    }

    static int getShort(byte[] a, int i) {
        return (a[i] & 0xFF) | (a[i + 1] & 0xFF) << 8;
    }

    static void putInt(byte[] a, int i, int v) {
        a[i] = (byte) v;
        a[i + 1] = (byte) (v >>> 8);
        a[i + 2] = (byte) (v >>> 16);
        a[i + 3] = (byte) (v >>> 24);
    }

    static void putShort(byte[] a, int i, int v) {
        a[i] = (byte) v;
        a[i + 1] = (byte) (v >>> 8);
    }
}
