package tandem.golden.csr;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * One implemented CSR: its name, how it reads, and how it takes a write (already the full
 * new value; the CSR applies its own WARL rules). A {@code null} writer makes it read-only
 * whatever its address says.
 */
public record Csr(int address, String name, IntSupplier reader, IntConsumer writer) {

    /** The current value. */
    public int read() {
        return reader.getAsInt();
    }

    /** Whether software writes are ignored-by-trap (read-only). */
    public boolean readOnly() {
        return writer == null || Csrs.readOnly(address);
    }
}
