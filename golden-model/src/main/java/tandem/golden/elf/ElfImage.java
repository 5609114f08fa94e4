package tandem.golden.elf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed RV32 executable: where it starts, what it loads where, and its symbols.
 *
 * @param file the file it came from, for messages
 * @param entry the entry point (e_entry)
 * @param segments the PT_LOAD segments in file order
 * @param symbols symbol name to address, from .symtab when present
 */
public record ElfImage(Path file, int entry, List<Segment> segments, Map<String, Integer> symbols) {

    /**
     * One PT_LOAD segment.
     *
     * @param index program header index, for messages
     * @param address physical load address (p_paddr)
     * @param data the file bytes (p_filesz)
     * @param memorySize bytes in memory (p_memsz); the rest after {@code data} is zero
     * @param flags p_flags (1 X, 2 W, 4 R)
     */
    public record Segment(int index, long address, byte[] data, long memorySize, int flags) {
        /** One past the last byte in memory. */
        public long end() {
            return address + memorySize;
        }
    }

    /** The address of {@code name}, if the image has that symbol. */
    public Optional<Integer> symbol(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    /** The {@code tohost} symbol riscv-tests style programs write their result to. */
    public Optional<Integer> tohost() {
        return symbol("tohost");
    }
}
