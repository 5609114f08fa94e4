package tandem.golden.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian memory backed by one byte array. The hart's fast paths index {@link #bytes()}
 * directly; everything else goes through {@link BusDevice}. A read-only region rejects stores
 * from the bus but can still be loaded by the platform.
 */
public final class Ram implements BusDevice {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final byte[] bytes;
    private final boolean writable;

    /** A region of {@code size} bytes, zero-filled. */
    public Ram(String name, int size, boolean writable) {
        this.name = name;
        this.bytes = new byte[size];
        this.writable = writable;
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether bus stores are accepted (false for ROM and flash windows). */
    public boolean writable() {
        return writable;
    }

    /** The backing array, for fast paths. Offsets equal device offsets. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int size() {
        return bytes.length;
    }

    @Override
    public int load(int offset, int width) {
        switch (width) {
            case 1: return bytes[offset] & 0xFF;
            case 2: return (short) SHORT.get(bytes, offset) & 0xFFFF;
            default: return (int) INT.get(bytes, offset);
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        if (!writable) {
            throw new BusError(offset, name + " is read-only");
        }
        poke(offset, value, width);
    }

    /** Writes regardless of {@link #writable()}: image loading and test set-up. */
    public void poke(int offset, int value, int width) {
        switch (width) {
            case 1: bytes[offset] = (byte) value; break;
            case 2: SHORT.set(bytes, offset, (short) value); break;
            default: INT.set(bytes, offset, value); break;
        }
    }

    /** Reads a little-endian word from any byte array (fast-path helper shared with the hart). */
    public static int getInt(byte[] a, int offset) {
        return (int) INT.get(a, offset);
    }

    /** Reads a little-endian halfword, zero-extended. */
    public static int getShort(byte[] a, int offset) {
        return (short) SHORT.get(a, offset) & 0xFFFF;
    }

    /** Writes a little-endian word. */
    public static void putInt(byte[] a, int offset, int value) {
        INT.set(a, offset, value);
    }

    /** Writes a little-endian halfword. */
    public static void putShort(byte[] a, int offset, int value) {
        SHORT.set(a, offset, (short) value);
    }
}
