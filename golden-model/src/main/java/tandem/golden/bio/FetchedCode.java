package tandem.golden.bio;

/**
 * Something replay did once that holds only while the instruction words it fetched are still in
 * the core's RAM: a learned span, a compiled trace. The words are compared again only after the
 * core's code changed ({@link BioCore}'s code version), once per core.
 */
abstract class FetchedCode {

    /** Per core: the code version at which its RAM was last found to hold the fetched words. */
    private final int[] checkedVersion = {-1, -1, -1, -1};

    /** The fetched words are in {@code ram} now. */
    abstract boolean fetchesMatch(int[] ram);

    /** The fetched words are in core {@code core}'s {@code ram}, whose code version is {@code version}. */
    final boolean holdsIn(int[] ram, int core, int version) {
        if (checkedVersion[core] == version) {
            return true;
        }
        if (!fetchesMatch(ram)) {
            return false;
        }
        checkedVersion[core] = version;
        return true;
    }
}
