package tandem.features.glue;

import java.util.Locale;
import io.cucumber.java.ParameterType;
import tandem.golden.TandemException;
import tandem.golden.hart.Hart;
import tandem.golden.mmu.Access;

/**
 * The step vocabulary's parameter types. Their patterns are deliberately loose (a
 * {@code {hex}} matches any word after {@code 0x}) so that a typo is reported as a bad
 * argument on its line rather than as an undefined step.
 */
public final class ParameterTypes {

    /** A number in hex ({@code 0x8000_1000}, underscores allowed) or decimal. */
    @ParameterType("0[xX][0-9A-Za-z_]*|-?[0-9][0-9A-Za-z_]*")
    public long hex(String text) {
        return number(text);
    }

    /** A comma-separated list of numbers: {@code 0x11, 0x12, 5}. */
    @ParameterType("(?:0[xX][0-9A-Za-z_]*|-?[0-9][0-9A-Za-z_]*)(?:, *(?:0[xX][0-9A-Za-z_]*|-?[0-9][0-9A-Za-z_]*))*")
    public int[] hexes(String text) {
        String[] parts = text.split(", *");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (int) number(parts[i]);
        }
        return out;
    }

    /** An integer register by ABI name ({@code a0}, {@code t1}, {@code sp}) or number ({@code x5}). */
    @ParameterType("[a-z][a-z0-9]*")
    public int register(String name) {
        return registerIndex(name);
    }

    /** A privilege mode in quotes: {@code "user"}, {@code "supervisor"}, {@code "machine"}. */
    @ParameterType("\"([^\"]*)\"")
    public int mode(String name) {
        return privilege(name);
    }

    /** An access kind: fetch, load or store. */
    @ParameterType("fetch|load|store")
    public Access access(String name) {
        return Access.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Parses {@code 0x...} hex or decimal, with {@code _} separators; a bad number is a user error. */
    public static long number(String text) {
        String t = text.replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                if (t.length() == 2 || t.length() > 10) {
                    throw new NumberFormatException();
                }
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TandemException("bad number '" + text + "' (expected 0x followed by up to 8 hex digits, or decimal)");
        }
    }

    /** The register index of an ABI name or {@code x<n>}. */
    public static int registerIndex(String name) {
        String[] abi = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
            "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
        for (int i = 0; i < abi.length; i++) {
            if (abi[i].equals(name)) {
                return i;
            }
        }
        if (name.equals("fp")) {
            return 8;
        }
        if (name.matches("x([0-9]|[12][0-9]|3[01])")) {
            return Integer.parseInt(name.substring(1));
        }
        throw new TandemException("unknown register '" + name + "' (use an ABI name such as a0 or x10)");
    }

    /** The privilege level named {@code name}. */
    public static int privilege(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "user": case "u": return Hart.U;
            case "supervisor": case "s": return Hart.S;
            case "machine": case "m": return Hart.M;
            default: throw new TandemException("unknown privilege mode '" + name + "' (use user, supervisor or machine)");
        }
    }

    /** The name of privilege level {@code p}. */
    public static String privilegeName(int p) {
        return p == Hart.U ? "user" : p == Hart.S ? "supervisor" : "machine";
    }
}
