package tandem.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.golden.TandemException;
import tandem.golden.retire.RetireBuffer;
import tandem.trace.TextTraceWriter;
import tandem.trace.TraceRecord;
import tandem.trace.TraceSource;
import tandem.wave.RetireWaveform;

/** {@code tandem trace FILE}: prints a retire trace as text, one line per record. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Print a retire trace (binary, text, Spike log or RVFI dump) as a Tandem text trace:",
            "one line per retire in the style of Spike's commit log, with objdump disassembly.",
            "Fields the input does not record are shown as ?. With --vcd, draw it as a waveform instead."})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The trace to print.")
    private Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the terminal (.gz compresses).")
    private Path out;

    @Option(names = "--vcd", paramLabel = "FILE",
            description = "Draw the records as a waveform instead (pc, strobes, register file, trap CSRs; .gz compresses).")
    private Path vcd;

    @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Leave out the first N records.")
    private long skip;

    @Option(names = "--count", paramLabel = "N", defaultValue = "-1", description = "Print at most N records (all by default).")
    private long count;

    @Override
    public Integer call() throws IOException {
        if (vcd != null) {
            return waveform();
        }
        Writer target = out == null ? new FilterWriter(spec.commandLine().getOut()) {
            @Override
            public void close() throws IOException {
                flush();
            }
        } : open(out);
        long written = 0;
        try (TraceSource source = TraceSource.open(file); TextTraceWriter text = new TextTraceWriter(target)) {
            TraceRecord r = new TraceRecord();
            long index = 0;
            while ((count < 0 || written < count) && source.next(r)) {
                if (index++ >= skip) {
                    text.write(r);
                    written++;
                }
            }
        } catch (UncheckedIOException e) {
            throw new TandemException((out == null ? "output" : out.toString()) + ": cannot write: " + e.getCause().getMessage());
        }
        if (out != null) {
            PrintWriter msg = spec.commandLine().getOut();
            msg.printf("trace: %d records written to %s%n", written, out);
            msg.flush();
        }
        return Tandem.PASS;
    }

    private int waveform() throws IOException {
        RetireBuffer batch = new RetireBuffer(1024);
        long written = 0;
        try (TraceSource source = TraceSource.open(file); RetireWaveform wave = RetireWaveform.open(vcd)) {
            TraceRecord r = new TraceRecord();
            long index = 0;
            int slot = 0;
            try {
                while ((count < 0 || written < count) && source.next(r)) {
                    if (index++ >= skip) {
                        r.copyTo(batch, slot++);
                        written++;
                        if (slot == batch.capacity()) {
                            wave.retired(batch, 0, slot);
                            slot = 0;
                        }
                    }
                }
            } finally {
                wave.retired(batch, 0, slot);
            }
        } catch (UncheckedIOException e) {
            throw new TandemException(vcd + ": cannot write: " + e.getCause().getMessage());
        }
        PrintWriter msg = spec.commandLine().getOut();
        msg.printf("trace: %d records drawn in %s%n", written, vcd);
        msg.flush();
        return Tandem.PASS;
    }

    private static Writer open(Path path) {
        try {
            var os = Files.newOutputStream(path);
            return new BufferedWriter(new OutputStreamWriter(path.toString().endsWith(".gz") ? new GZIPOutputStream(os, 1 << 16) : os,
                    StandardCharsets.US_ASCII), 1 << 16);
        } catch (IOException e) {
            throw new TandemException(path + ": cannot write: " + e.getMessage());
        }
    }
}
