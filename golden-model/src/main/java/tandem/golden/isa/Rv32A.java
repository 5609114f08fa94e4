package tandem.golden.isa;

/** The A extension's read-modify-write operations: the value an AMO stores. */
public final class Rv32A {
    private Rv32A() {
    }

    /** The value {@code op} writes back, given the loaded word and rs2. */
    public static int amo(Opcode op, int loaded, int rs2) {
        switch (op) {
            case AMOSWAP_W: return rs2;
            case AMOADD_W: return loaded + rs2;
            case AMOXOR_W: return loaded ^ rs2;
            case AMOAND_W: return loaded & rs2;
            case AMOOR_W: return loaded | rs2;
            case AMOMIN_W: return Math.min(loaded, rs2);
            case AMOMAX_W: return Math.max(loaded, rs2);
            case AMOMINU_W: return Integer.compareUnsigned(loaded, rs2) <= 0 ? loaded : rs2;
            case AMOMAXU_W: return Integer.compareUnsigned(loaded, rs2) >= 0 ? loaded : rs2;
            default: throw new IllegalArgumentException(op + " is not an AMO");
        }
    }
}
