package tandem.vectors.asm;

import java.util.Locale;

/** Integer register names: {@code x0..x31} and the ABI names GNU as accepts ({@code fp} = {@code s0}). */
public final class RegisterNames {

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

    private RegisterNames() {
    }

    /** The ABI name of register {@code i}. */
    public static String abi(int i) {
        return ABI[i];
    }

    /** The register a name stands for, or -1 when it names none. */
    public static int parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("fp")) {
            return 8;
        }
        if (n.length() >= 2 && n.charAt(0) == 'x' && n.substring(1).chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(n.substring(1));
            return i < 32 && (n.length() == 2 || n.charAt(1) != '0') ? i : -1;
        }
        for (int i = 0; i < ABI.length; i++) {
            if (ABI[i].equals(n)) {
                return i;
            }
        }
        return -1;
    }
}
