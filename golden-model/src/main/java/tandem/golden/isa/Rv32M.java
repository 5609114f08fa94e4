package tandem.golden.isa;

/**
 * The M extension's arithmetic, with the spec's results for division by zero
 * (quotient all ones, remainder the dividend) and signed overflow (INT_MIN / -1 = INT_MIN,
 * remainder 0). MUL and the shifts-free ops run inline in the hart.
 */
public final class Rv32M {
    private Rv32M() {
    }

    /** MULH: high word of signed × signed. */
    public static int mulh(int a, int b) {
        return (int) (((long) a * (long) b) >> 32);
    }

    /** MULHSU: high word of signed × unsigned. */
    public static int mulhsu(int a, int b) {
        return (int) (((long) a * Integer.toUnsignedLong(b)) >> 32);
    }

    /** MULHU: high word of unsigned × unsigned. */
    public static int mulhu(int a, int b) {
        return (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32);
    }

    /** DIV: x/0 = -1; INT_MIN/-1 = INT_MIN (Java's int division already overflows that way). */
    public static int div(int a, int b) {
        return b == 0 ? -1 : a / b;
    }

    /** DIVU: x/0 = 2^32-1. */
    public static int divu(int a, int b) {
        return b == 0 ? -1 : Integer.divideUnsigned(a, b);
    }

    /** REM: x%0 = x; INT_MIN%-1 = 0. */
    public static int rem(int a, int b) {
        return b == 0 ? a : a % b;
    }

    /** REMU: x%0 = x. */
    public static int remu(int a, int b) {
        return b == 0 ? a : Integer.remainderUnsigned(a, b);
    }
}
