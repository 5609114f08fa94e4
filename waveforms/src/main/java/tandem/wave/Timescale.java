package tandem.wave;

import java.util.Locale;

/**
 * A VCD time unit: a magnitude of 1, 10 or 100 and a unit from seconds down to femtoseconds,
 * as in {@code $timescale 10ns $end}.
 *
 * @param magnitude 1, 10 or 100
 * @param unit one of {@code s ms us ns ps fs}
 */
public record Timescale(int magnitude, String unit) {

    // Declared before the constants below, whose construction validates against it.
    private static final String[] UNITS = {"s", "ms", "us", "ns", "ps", "fs"};

    /** One nanosecond, the default for golden-model waveforms. */
    public static final Timescale NS = new Timescale(1, "ns");
    /** One picosecond, Verilator's default. */
    public static final Timescale PS = new Timescale(1, "ps");

    /** Validates the magnitude and the unit. */
    public Timescale {
        if (magnitude != 1 && magnitude != 10 && magnitude != 100) {
            throw new IllegalArgumentException("timescale magnitude must be 1, 10 or 100: " + magnitude);
        }
        if (unitIndex(unit) < 0) {
            throw new IllegalArgumentException("timescale unit must be one of s ms us ns ps fs: " + unit);
        }
    }

    /**
     * Parses {@code 1ns}, {@code 10 ps} or {@code 100fs}.
     *
     * @return the timescale, or {@code null} when {@code text} is not one
     */
    public static Timescale parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 3) {
            return null;
        }
        int magnitude = Integer.parseInt(t.substring(0, i));
        String unit = t.substring(i).strip();
        if ((magnitude != 1 && magnitude != 10 && magnitude != 100) || unitIndex(unit) < 0) {
            return null;
        }
        return new Timescale(magnitude, unit);
    }

    /** Length of one time unit in femtoseconds. */
    public long femtoseconds() {
        long f = magnitude;
        for (int i = unitIndex(unit); i < UNITS.length - 1; i++) {
            f *= 1000;
        }
        return f;
    }

    private static int unitIndex(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        return -1;
    }

    /** The VCD spelling, e.g. {@code 1ns}. */
    @Override
    public String toString() {
        return magnitude + unit;
    }
}
