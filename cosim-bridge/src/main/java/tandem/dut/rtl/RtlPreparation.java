package tandem.dut.rtl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tandem.dut.BuildCache;
import tandem.dut.VerilatorBuild;
import tandem.golden.TandemException;

/**
 * Accepts RTL as users have it: reads the {@code --rtl} files and lists, wraps a top whose
 * interface ports Verilator cannot take, works around comments and pins Verilator 5.006
 * rejects by editing copies (never the user's files), lints the result, and chooses the warning
 * settings, refusing the one waiver that mis-simulates. Every step that changes something adds
 * a line to the explanation.
 *
 * <p>Cost: a scan of the sources (tens of milliseconds for a 12,000-line CPU) and one or two
 * {@code verilator --lint-only} runs (about 1.2 s of CPU each for VexRiscv). The result is kept
 * in a sub-directory of the work directory named by a hash of everything that went into it
 * (source paths and contents, options, top, Verilator version), so preparing unchanged RTL
 * again reads it back without linting.
 *
 * <p>With a wrapper, Verilator must flatten the design ({@code --flatten}, added to the
 * options): the user's top usually marks signals {@code verilator public}, which would keep it
 * a C++ class of its own under the wrapper; flattened, its signals are members of the root
 * named {@link PreparedRtl#signalPrefix()} + name, as they are without a wrapper.
 */
public final class RtlPreparation {

    /** Changes whenever what preparation produces changes, so older kept results are not reused. */
    private static final String FORMAT = "tandem-rtl-preparation-4";

    private RtlPreparation() {
    }

    /**
     * Prepares {@code rtlArgs} (files or {@code .f} lists) with top {@code top}, writing generated
     * and edited files and lint logs in a sub-directory of {@code workDir} (a directory that may
     * be kept between runs, e.g. {@code BuildCache.standard().root().resolve("prepared")}).
     *
     * @throws tandem.golden.TandemException for a missing file, an unknown top, a refused waiver,
     *                                       or an error Verilator reports (one line, with file and line)
     */
    public static PreparedRtl prepare(List<Path> rtlArgs, String top, Path workDir) {
        return prepare(SourceList.of(rtlArgs), top, workDir);
    }

    /** As {@link #prepare(List, String, Path)} for sources already read. */
    public static PreparedRtl prepare(SourceList sources, String top, Path workDir) {
        Path dir = workDir.resolve(key(sources, top));
        PreparedRtl kept = PreparedRtlFile.read(dir);
        if (kept != null) {
            return kept;
        }
        PreparedRtl prepared = prepareIn(sources, top, dir);
        PreparedRtlFile.write(dir, prepared);
        return prepared;
    }

    private static String key(SourceList sources, String top) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(FORMAT.getBytes(StandardCharsets.UTF_8));
        parts.add(VerilatorBuild.verilatorVersion().getBytes(StandardCharsets.UTF_8));
        parts.add(top.getBytes(StandardCharsets.UTF_8));
        parts.add(String.join("\n", sources.verilatorArgs()).getBytes(StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>(sources.files());
        files.addAll(sources.libraryFiles());
        for (Path f : files) {
            parts.add(f.toString().getBytes(StandardCharsets.UTF_8));
            try {
                parts.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new TandemException("cannot read RTL file " + f + ": " + e.getMessage());
            }
        }
        return BuildCache.hash(parts.toArray(new byte[0][]));
    }

    private static PreparedRtl prepareIn(SourceList sources, String top, Path workDir) {
        SvDesign design = SvDesign.scan(sources);
        SvModule userTop = design.top(top);
        List<String> explanation = new ArrayList<>();
        SourceEdits edits = new SourceEdits();

        List<DirectiveComments.Finding> comments = DirectiveComments.find(design);
        for (DirectiveComments.Finding f : comments) {
            int end = f.comment().offset() + f.comment().body().length() + 2;
            edits.blank(f.source().file(), f.comment().offset(),
                    f.source().text().startsWith("/*", f.comment().offset()) ? end + 2 : end);
        }
        if (!comments.isEmpty()) {
            explanation.add("blanked " + comments.size() + " comment" + (comments.size() > 1 ? "s" : "")
                    + " that Verilator 5.006 reads as an unknown directive because the text begins with 'verilator' ("
                    + comments.get(0) + (comments.size() > 1 ? " and " + (comments.size() - 1) + " more" : "")
                    + ") in a copy of the file");
        }

        WarningPolicy policy = new WarningPolicy();
        List<String> args = policy.withoutRefusedWaivers(sources.verilatorArgs(), design, edits);

        Optional<TopWrapper> wrapper = TopWrapper.forTop(design, userTop);
        Path wrapperFile = null;
        if (wrapper.isPresent()) {
            wrapperFile = workDir.resolve(wrapper.get().name() + ".sv");
            write(wrapperFile, wrapper.get().text());
            explanation.add(wrapper.get().explanation() + " (" + wrapperFile + ")");
        }
        String verilatorTop = wrapper.map(TopWrapper::name).orElse(top);

        List<Path> files = null;
        Map<Path, Path> originals = null;
        VerilatorLint.Result lint = null;
        for (int round = 1; round <= 2; round++) {
            Map<Path, Path> copies = edits.write(workDir);
            originals = new LinkedHashMap<>();
            for (Map.Entry<Path, Path> e : copies.entrySet()) {
                originals.put(e.getValue(), e.getKey());
            }
            files = new ArrayList<>();
            for (Path f : sources.files()) {
                files.add(copies.getOrDefault(f, f));
            }
            if (wrapperFile != null) {
                files.add(wrapperFile);
            }
            lint = VerilatorLint.run(files, verilatorTop, args, workDir.resolve("lint-" + round + ".log"));
            if (round == 1 && !lint.withCode("PINNOTFOUND").isEmpty()) {
                explanation.addAll(DanglingPins.drop(lint.messages(), design, originals, edits));
                continue;
            }
            break;
        }
        WarningPolicy.Decision warnings = policy.decide(lint, originals);
        for (Map.Entry<Path, Path> e : originals.entrySet()) {
            explanation.add("edited copy of " + e.getValue() + ": " + e.getKey());
        }
        List<String> allArgs = new ArrayList<>(args);
        allArgs.addAll(warnings.args());
        if (wrapper.isPresent()) {
            allArgs.add("--flatten");
        }
        explanation.add(warnings.explanation());
        return new PreparedRtl(List.copyOf(files), List.copyOf(allArgs), verilatorTop, top,
                wrapper.isPresent() ? TopWrapper.INSTANCE : "", List.copyOf(explanation));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
