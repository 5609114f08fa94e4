package tandem.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code tandem} command in this JVM, as {@link Tandem#commandLine()} builds it:
 * its exit code and what it printed on standard output and standard error.
 *
 * @param exitCode what the command returned (0 pass, 1 failure, 2 usage or input error)
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code tandem args...} with both streams captured. */
    public static CliRun tandem(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Tandem.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exitCode = cl.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Both streams, for assertion messages. */
    @Override
    public String toString() {
        return out + "\n" + err;
    }
}
