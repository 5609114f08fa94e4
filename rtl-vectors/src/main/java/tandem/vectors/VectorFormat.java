package tandem.vectors;

import java.util.Map;
import java.util.Objects;
import tandem.golden.hart.Profile;
import tandem.vectors.asm.CsrNames;

/**
 * How vector files are written and where their programs run; immutable, like Commons CSV's
 * {@code CSVFormat}. {@link #DEFAULT} reads comma-separated files with a header line and
 * {@code #} comment lines, and places programs at 0x80000000 on the VexRiscv profile.
 * Variants come from {@link #builder()}.
 */
public final class VectorFormat {

    /** Comma-separated, {@code #} comments, pc 0x80000000, VexRiscv profile. */
    public static final VectorFormat DEFAULT = new VectorFormat(',', '#', 0x8000_0000L, Profile.VEXRISCV);

    private final char delimiter;
    private final char commentMarker;
    private final long defaultPc;
    private final Profile profile;
    private final Map<String, Integer> csrNames;

    private VectorFormat(char delimiter, char commentMarker, long defaultPc, Profile profile) {
        this.delimiter = delimiter;
        this.commentMarker = commentMarker;
        this.defaultPc = defaultPc;
        this.profile = Objects.requireNonNull(profile);
        this.csrNames = CsrNames.of(profile);
    }

    /** The field separator. */
    public char delimiter() {
        return delimiter;
    }

    /** Lines starting with this character are comments. */
    public char commentMarker() {
        return commentMarker;
    }

    /** Where a vector's code starts when its row has no {@code pc}. */
    public long defaultPc() {
        return defaultPc;
    }

    /** The hart profile vectors run on; it decides which CSRs and instructions exist. */
    public Profile profile() {
        return profile;
    }

    /** CSR names of the profile (lower case) to addresses. */
    public Map<String, Integer> csrNames() {
        return csrNames;
    }

    /** A builder starting from this format. */
    public Builder builder() {
        return new Builder(this);
    }

    /** Builds a {@link VectorFormat}; each setter returns the builder. */
    public static final class Builder {
        private char delimiter;
        private char commentMarker;
        private long defaultPc;
        private Profile profile;

        private Builder(VectorFormat from) {
            delimiter = from.delimiter;
            commentMarker = from.commentMarker;
            defaultPc = from.defaultPc;
            profile = from.profile;
        }

        /** Sets the field separator. */
        public Builder setDelimiter(char c) {
            delimiter = c;
            return this;
        }

        /** Sets the comment-line marker. */
        public Builder setCommentMarker(char c) {
            commentMarker = c;
            return this;
        }

        /** Sets the start address of rows without a {@code pc}. */
        public Builder setDefaultPc(long pc) {
            defaultPc = pc;
            return this;
        }

        /** Sets the hart profile. */
        public Builder setProfile(Profile p) {
            profile = p;
            return this;
        }

        /** The format. */
        public VectorFormat get() {
            return new VectorFormat(delimiter, commentMarker, defaultPc, profile);
        }
    }
}
