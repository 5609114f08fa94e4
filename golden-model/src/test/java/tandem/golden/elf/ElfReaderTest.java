package tandem.golden.elf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

class ElfReaderTest {
    @TempDir
    Path dir;

    private String error(byte[] content) throws IOException {
        Path f = dir.resolve("bad.elf");
        Files.write(f, content);
        return assertThrows(TandemException.class, () -> ElfReader.read(f)).getMessage();
    }

    private static byte[] header(int eiClass, int machine, int phnum) {
        byte[] b = new byte[52];
        b[0] = 0x7F;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = (byte) eiClass;
        b[5] = 1;
        b[18] = (byte) machine;
        b[19] = (byte) (machine >> 8);
        b[28] = 52; // phoff
        b[42] = 32; // phentsize
        b[44] = (byte) phnum;
        return b;
    }

    @Test
    void notAnElfIsNamed() throws IOException {
        String m = error("hello world, not an ELF".getBytes());
        assertTrue(m.contains("bad.elf") && m.contains("not an ELF"), m);
    }

    @Test
    void truncatedFileSaysWhatIsMissing() throws IOException {
        String m = error(new byte[] {0x7F, 'E', 'L'});
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void sixtyFourBitIsRejected() throws IOException {
        String m = error(header(2, 243, 1));
        assertTrue(m.contains("64-bit"), m);
    }

    @Test
    void otherMachinesAreRejected() throws IOException {
        String m = error(header(1, 62, 1));
        assertTrue(m.contains("not RISC-V"), m);
    }

    @Test
    void programHeadersPastTheEndAreTruncation() throws IOException {
        String m = error(header(1, 243, 2));
        assertTrue(m.contains("truncated") && m.contains("program header 0"), m);
    }

    @Test
    void missingFileIsNamed() {
        String m = assertThrows(TandemException.class, () -> ElfReader.read(dir.resolve("none.elf"))).getMessage();
        assertTrue(m.contains("none.elf") && m.contains("no such file"), m);
    }
}
