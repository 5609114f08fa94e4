package tandem.golden.bio;

/**
 * One clock's GPIO strobes from all writers, ORed per bit as the block's set/clear logic sees them:
 * pin sets and clears (x21–x23) and direction sets and clears (x24, x25), each under the writing
 * core's GPIO mask (x26).
 */
final class PinStrobes {

    int set;
    int clr;
    int dirSet;
    int dirClr;

    void clear() {
        set = 0;
        clr = 0;
        dirSet = 0;
        dirClr = 0;
    }

    /** x{@code reg} is a pin or direction register. */
    static boolean isPinRegister(int reg) {
        return reg >= 21 && reg <= 25;
    }

    /** Adds a write of {@code w} to x{@code reg} under {@code mask}; other registers are ignored. */
    void add(int reg, int w, int mask) {
        switch (reg) {
            case 21: set |= mask & w; clr |= mask & ~w; break;
            case 22: set |= mask & w; break;
            case 23: clr |= mask & ~w; break;
            case 24: dirSet |= mask & w; break;
            case 25: dirClr |= mask & w; break;
            default: break;
        }
    }
}
