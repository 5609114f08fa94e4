package tandem.golden.isa;

/**
 * Scalar AES for RV32 (Zkne/Zknd aes32*), as the scalar cryptography spec defines it: each
 * instruction takes byte {@code bs} of rs2 through the AES S-box (and for the "m" forms one
 * column of MixColumns), rotates it into place and XORs it into rs1. The S-boxes are computed
 * from their definition (GF(2^8) inverse and affine map) rather than tabulated by hand.
 */
public final class Zkn {
    private static final int[] SBOX = new int[256];
    private static final int[] INV_SBOX = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int inv = i == 0 ? 0 : gfInverse(i);
            int s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
            SBOX[i] = s;
            INV_SBOX[s] = i;
        }
    }

    private Zkn() {
    }

    /** aes32esi: final-round encryption, S-box only. */
    public static int aes32esi(int rs1, int rs2, int bs) {
        int shamt = bs * 8;
        return rs1 ^ Integer.rotateLeft(SBOX[(rs2 >>> shamt) & 0xFF], shamt);
    }

    /** aes32esmi: middle-round encryption, S-box and MixColumns. */
    public static int aes32esmi(int rs1, int rs2, int bs) {
        int shamt = bs * 8;
        int so = SBOX[(rs2 >>> shamt) & 0xFF];
        int mixed = (gfMul(so, 3) << 24) | (so << 16) | (so << 8) | gfMul(so, 2);
        return rs1 ^ Integer.rotateLeft(mixed, shamt);
    }

    /** aes32dsi: final-round decryption, inverse S-box only. */
    public static int aes32dsi(int rs1, int rs2, int bs) {
        int shamt = bs * 8;
        return rs1 ^ Integer.rotateLeft(INV_SBOX[(rs2 >>> shamt) & 0xFF], shamt);
    }

    /** aes32dsmi: middle-round decryption, inverse S-box and inverse MixColumns. */
    public static int aes32dsmi(int rs1, int rs2, int bs) {
        int shamt = bs * 8;
        int so = INV_SBOX[(rs2 >>> shamt) & 0xFF];
        int mixed = (gfMul(so, 0xB) << 24) | (gfMul(so, 0xD) << 16) | (gfMul(so, 0x9) << 8) | gfMul(so, 0xE);
        return rs1 ^ Integer.rotateLeft(mixed, shamt);
    }

    private static int rotl8(int v, int n) {
        return ((v << n) | (v >>> (8 - n))) & 0xFF;
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
    static int gfMul(int a, int b) {
        int p = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                p ^= a;
            }
            a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11B : 0);
            b >>>= 1;
        }
        return p & 0xFF;
    }

    private static int gfInverse(int a) {
        // a^254 = a^-1 in GF(2^8).
        int result = 1;
        int base = a;
        int e = 254;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = gfMul(result, base);
            }
            base = gfMul(base, base);
            e >>>= 1;
        }
        return result;
    }
}
