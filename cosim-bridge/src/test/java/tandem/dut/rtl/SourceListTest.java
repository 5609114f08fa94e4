package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

class SourceListTest {

    @TempDir
    Path dir;

    @Test
    void listGivesFilesIncludeDirsDefinesAndLibraries() {
        ToyRtl.copyTo(dir);
        SourceList s = SourceList.of(List.of(dir.resolve("toy_cpu.f")), Map.of());
        assertEquals(List.of(dir.resolve("toy_cpu.sv")), s.files());
        assertEquals(List.of(dir.resolve("inc")), s.includeDirs());
        assertEquals(List.of("TOY_SIM=1"), s.defines());
        assertEquals(List.of(dir.resolve("lib")), s.libraryDirs());
        assertEquals(List.of("+incdir+" + dir.resolve("inc"), "+define+TOY_SIM=1", "-y", dir.resolve("lib").toString()),
                s.verilatorArgs());
    }

    @Test
    void nestedListsVariablesAndSeveralEntriesPerLine() throws Exception {
        ToyRtl.copyTo(dir);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/inner.f"), "-v ../lib/toy_ram.v +define+A+B=2\n-Wno-UNOPTFLAT\n");
        Files.writeString(dir.resolve("outer.f"), "-F sub/inner.f\n$TOP_DIR/toy_cpu.sv ${TOP_DIR}/toyram_if.sv\n");
        SourceList s = SourceList.of(List.of(dir.resolve("outer.f")), Map.of("TOP_DIR", dir.toString()));
        assertEquals(List.of(dir.resolve("toy_cpu.sv"), dir.resolve("toyram_if.sv")), s.files());
        assertEquals(List.of(dir.resolve("lib/toy_ram.v")), s.libraryFiles());
        assertEquals(List.of("A", "B=2"), s.defines());
        assertEquals(List.of("-Wno-UNOPTFLAT"), s.otherFlags());
    }

    @Test
    void missingFileNamesTheListAndLine() throws Exception {
        Path list = dir.resolve("cpu.f");
        Files.writeString(list, "// sources\n/* block\ncomment */ +incdir+.\nmissing.sv\n");
        TandemException e = assertThrows(TandemException.class, () -> SourceList.of(List.of(list), Map.of()));
        assertEquals(list + ":4: RTL file not found: " + dir.resolve("missing.sv"), e.getMessage());
    }

    @Test
    void unsetVariableNamesTheListAndLine() throws Exception {
        Path list = dir.resolve("cpu.f");
        Files.writeString(list, "\n\n$NOT_SET_ANYWHERE/cpu.v\n");
        TandemException e = assertThrows(TandemException.class, () -> SourceList.of(List.of(list), Map.of()));
        assertEquals(list + ":3: environment variable $NOT_SET_ANYWHERE is not set", e.getMessage());
    }

    @Test
    void optionWithoutArgumentAndMissingDirectoryAreNamed() throws Exception {
        Path list = dir.resolve("cpu.f");
        Files.writeString(list, "+incdir+nowhere\n");
        TandemException e = assertThrows(TandemException.class, () -> SourceList.of(List.of(list), Map.of()));
        assertTrue(e.getMessage().startsWith(list + ":1: directory not found: "), e.getMessage());
        Files.writeString(list, "cpu.f\n");
        e = assertThrows(TandemException.class, () -> SourceList.of(List.of(list), Map.of()));
        assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
        Files.writeString(list, "-y\n");
        e = assertThrows(TandemException.class, () -> SourceList.of(List.of(list), Map.of()));
        assertEquals(list + ":1: -y needs an argument", e.getMessage());
    }
}
