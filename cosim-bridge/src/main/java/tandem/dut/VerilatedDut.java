package tandem.dut;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import tandem.golden.TandemException;

/**
 * A Verilated CPU loaded from a {@link DutLibrary} through JNA direct mapping. One
 * {@link #run} call simulates up to a budget of cycles in native code and returns the retired
 * instructions as a {@link RetireBatch}; RAM lives on the native side; data accesses outside
 * RAM come back to Java through an {@link MmioHandler}.
 *
 * <p>Direct mapping binds one library per JVM class, so one Verilated model is open at a time;
 * opening a different library re-binds once the previous model is closed. Each library is
 * opened {@code RTLD_LOCAL} and linked {@code -Bsymbolic}, so the Verilator runtimes of
 * several libraries loaded in turn never resolve to each other.
 */
public final class VerilatedDut implements AutoCloseable {

    /**
     * How the harness drives the buses.
     *
     * @param ramBase             physical address of RAM
     * @param ramSize             RAM bytes
     * @param seed                seed of the back-pressure generator
     * @param waitStates          extra cycles before each response (0 = fastest the bus allows)
     * @param backpressurePercent share of cycles a bus command is refused, 0..90
     * @param stallLimit          cycles without a retire that count as a stall (WFI excused)
     * @param resetVector         driven on the top's {@code externalResetVector} port, if it has one
     */
    public record Options(long ramBase, int ramSize, long seed, int waitStates, int backpressurePercent,
                          long stallLimit, long resetVector) {

        /** RAM at {@code ramBase}, reset there, no wait states or back-pressure, stall after 100,000 cycles. */
        public static Options ram(long ramBase, int ramSize) {
            return new Options(ramBase, ramSize, 1, 0, 0, 100_000, ramBase);
        }

        /** The same with other wait states, back-pressure and seed. */
        public Options timing(int waitStates, int backpressurePercent, long seed) {
            return new Options(ramBase, ramSize, seed, waitStates, backpressurePercent, stallLimit, resetVector);
        }

        /** The same with another stall limit. */
        public Options stallAfter(long cycles) {
            return new Options(ramBase, ramSize, seed, waitStates, backpressurePercent, cycles, resetVector);
        }

        /** The same with another reset vector (for tops with an {@code externalResetVector} port). */
        public Options resetAt(long pc) {
            return new Options(ramBase, ramSize, seed, waitStates, backpressurePercent, stallLimit, pc);
        }
    }

    private static final int RESET_CYCLES = 8;
    private static final int STATUS_BYTES = 256;
    private static final int RTLD_NOW_LOCAL = 2;
    private static Path bound;
    private static int open;

    private final DutLibrary library;
    private final Options options;
    private final MmioHandler mmio;
    private final Memory status = new Memory(STATUS_BYTES);
    private final ByteBuffer statusView = status.getByteBuffer(0, STATUS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final int[] registers = new int[32];
    private Pointer handle;
    private long retires;

    private VerilatedDut(DutLibrary library, Options options, MmioHandler mmio) {
        this.library = library;
        this.options = options;
        this.mmio = mmio;
        this.handle = Binding.tandem_create((int) options.ramBase(), options.ramSize(), (int) options.resetVector(),
                options.seed(), options.waitStates(), options.backpressurePercent());
        Binding.tandem_set_stall_limit(handle, options.stallLimit());
    }

    /** Loads {@code library} and creates its model with {@code options}; call {@link #reset} next. */
    public static VerilatedDut open(DutLibrary library, Options options, MmioHandler mmio) {
        synchronized (VerilatedDut.class) {
            Path lib = library.library();
            if (!lib.equals(bound)) {
                if (open > 0) {
                    throw new IllegalStateException("close the open Verilated model (" + bound + ") before loading " + lib);
                }
                if (bound != null) {
                    Native.unregister(Binding.class);
                }
                NativeLibrary nl = NativeLibrary.getInstance(lib.toString(),
                        Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW_LOCAL));
                Native.register(Binding.class, nl);
                bound = lib;
            }
            open++;
        }
        return new VerilatedDut(library, options, mmio);
    }

    /** The library this model came from. */
    public DutLibrary library() {
        return library;
    }

    /** The options it was created with. */
    public Options options() {
        return options;
    }

    /** Copies {@code data} into RAM at physical address {@code address}. */
    public void loadRam(long address, byte[] data) {
        long off = address - options.ramBase();
        if (off < 0 || off + data.length > options.ramSize()) {
            throw new TandemException(String.format("image segment 0x%08x..0x%08x lies outside RTL RAM 0x%08x..0x%08x",
                    address, address + data.length, options.ramBase(), options.ramBase() + options.ramSize()));
        }
        Binding.tandem_ram_write(handle, (int) off, data, data.length);
    }

    /** Reads {@code length} bytes of RAM at physical address {@code address}. */
    public byte[] readRam(long address, int length) {
        byte[] out = new byte[length];
        Binding.tandem_ram_read(handle, (int) (address - options.ramBase()), out, length);
        return out;
    }

    /** Holds reset for a few cycles and releases it; cycle 0 is the first cycle after. */
    public void reset() {
        byte[] msg = new byte[256];
        if (Binding.tandem_reset(handle, RESET_CYCLES, msg, msg.length) != 0) {
            throw new TandemException("RTL failed during reset: " + cString(msg));
        }
    }

    /**
     * Simulates up to {@code maxCycles} cycles, filling {@code batch}. Returns early when the
     * batch is full, after an access outside RAM (already answered through the handler), on a
     * stall, {@code $finish}, a fatal error, or a fetch outside RAM.
     */
    public StopReason run(long maxCycles, RetireBatch batch) {
        long before = retires;
        int code = Binding.tandem_run(handle, maxCycles, batch.memory(), batch.capacity(), status);
        retires = statusView.getLong(40);
        batch.filled(statusView.getInt(8), before);
        StopReason reason = StopReason.of(code);
        if (reason == StopReason.MMIO) {
            int addr = statusView.getInt(16);
            int size = statusView.getInt(24);
            if (statusView.getInt(28) != 0) {
                mmio.store(addr, statusView.getInt(20), size);
                Binding.tandem_mmio_respond(handle, 0);
            } else {
                Binding.tandem_mmio_respond(handle, mmio.load(addr, size));
            }
        }
        return reason;
    }

    /**
     * Drives the CPU's interrupt inputs, where the top has them: {@code external} on
     * {@code externalInterruptArray} (bit n = line n), mip bit 7 on {@code timerInterrupt} and
     * bit 3 on {@code softwareInterrupt}, bit 11 on a single {@code externalInterrupt}. Takes effect
     * from the next cycle.
     */
    public void setInterrupts(int external, int mip) {
        Binding.tandem_set_irq(handle, external, mip);
    }

    /**
     * Redraws the model's uninitialised state and X assignments from {@code seed} (0: all
     * zeros), as {@code +verilator+rand+reset+2 +verilator+seed+N} would; call before
     * {@link #reset}. Only a library built with {@link VerilatorBuild.Variant#X_CHECK} has X
     * values to draw; other builds fixed them at build time.
     */
    public void randomizeX(int seed) {
        Binding.tandem_x_seed(handle, seed);
    }

    /**
     * Fault injection for proving the checker: the register write of retire number
     * {@code retireIndex} (counting from 0) is reported with bit {@code bit} flipped.
     */
    public void flipRegisterWriteBit(long retireIndex, int bit) {
        Binding.tandem_flip_rd_bit(handle, retireIndex, bit);
    }

    /**
     * Starts writing a VCD of cycles {@code fromCycle..toCycle} to {@code file}. Only a library
     * built traced can; others return {@code false}.
     */
    public boolean traceWindow(Path file, long fromCycle, long toCycle) {
        return Binding.tandem_trace_open(handle, file.toString(), fromCycle, toCycle) != 0;
    }

    /** Clock cycles since reset release. */
    public long cycles() {
        return Binding.tandem_cycles(handle);
    }

    /** Instructions retired since reset. */
    public long retires() {
        return retires;
    }

    /** Cycles since the last retire, as of the last {@link #run}. */
    public long idleCycles() {
        return statusView.getLong(32);
    }

    /** Address of the last access outside RAM, or of the failed fetch. */
    public int lastOutsideAddress() {
        return statusView.getInt(16);
    }

    /** The message of the last {@link StopReason#FATAL} stop. */
    public String fatalMessage() {
        byte[] b = new byte[192];
        status.read(64, b, 0, b.length);
        return cString(b);
    }

    /** The RTL's integer registers x0..x31 (x0 reads 0). */
    public int[] registers() {
        Binding.tandem_registers(handle, registers);
        return registers.clone();
    }

    @Override
    public void close() {
        if (handle != null) {
            Binding.tandem_destroy(handle);
            handle = null;
            synchronized (VerilatedDut.class) {
                open--;
            }
        }
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** The harness's C ABI, bound by {@link Native#register} to the current library. */
    private static final class Binding {
        static native Pointer tandem_create(int ramBase, int ramSize, int resetVector, long seed, int waitStates,
                                            int backpressure);

        static native void tandem_ram_write(Pointer h, int offset, byte[] data, int length);

        static native void tandem_ram_read(Pointer h, int offset, byte[] data, int length);

        static native int tandem_reset(Pointer h, int cycles, byte[] message, int messageSize);

        static native void tandem_set_stall_limit(Pointer h, long cycles);

        static native void tandem_set_irq(Pointer h, int external, int mip);

        static native void tandem_flip_rd_bit(Pointer h, long retireIndex, int bit);

        static native void tandem_x_seed(Pointer h, int seed);

        static native void tandem_mmio_respond(Pointer h, int data);

        static native int tandem_run(Pointer h, long maxCycles, Pointer records, int maxRecords, Pointer status);

        static native void tandem_registers(Pointer h, int[] out);

        static native long tandem_cycles(Pointer h);

        static native int tandem_trace_open(Pointer h, String path, long fromCycle, long toCycle);

        static native void tandem_destroy(Pointer h);
    }
}
