package tandem.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tandem.golden.TandemException;

/**
 * A file's bytes, counted into a {@link ProgressDisplay} as they are read: the progress of
 * commands that stream big inputs ({@code tandem diff}, {@code tandem wavediff}), whose bar
 * is the bytes of all inputs.
 */
final class CountedInput extends FilterInputStream {

    /** Inputs smaller than this in all finish before a bar would be worth drawing. */
    static final long WORTH_A_BAR = 32L << 20;

    private final ProgressDisplay bar;

    private CountedInput(InputStream in, ProgressDisplay bar) {
        super(in);
        this.bar = bar;
    }

    /** Opens {@code file}, counting what is read into {@code bar}. */
    static InputStream open(Path file, ProgressDisplay bar) {
        try {
            InputStream in = Files.newInputStream(file);
            return bar.shown() ? new CountedInput(in, bar) : in;
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The bytes of {@code files} together (0 for files that cannot be sized; opening them will say why). */
    static long size(Path... files) {
        long n = 0;
        for (Path f : files) {
            try {
                n += Files.size(f);
            } catch (IOException e) {
                // opening the file reports the problem with its name
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bar.stepBy(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            bar.stepBy(n);
        }
        return n;
    }
}
