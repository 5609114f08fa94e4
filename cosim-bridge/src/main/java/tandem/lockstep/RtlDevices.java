package tandem.lockstep;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tandem.dut.MmioHandler;
import tandem.dut.VerilatedDut;
import tandem.golden.bus.BusDevice;
import tandem.golden.bus.BusError;
import tandem.golden.bus.Ticking;
import tandem.golden.csr.Csr;
import tandem.golden.platform.Machine;
import tandem.golden.platform.StopReason;

/**
 * The SoC devices the RTL talks to during lockstep, owned by the thread that runs the RTL.
 *
 * <p>They live in a machine of their own, built from the golden machine's platform and
 * profile, because the golden model checks on another thread at the same time: the golden
 * hart never reaches a device (its device loads are replayed from the RTL's), and these
 * devices never reach the golden hart (their interrupt lines and the finisher's stop request
 * land on this machine's idle hart). What the RTL thread hands the checker instead is explicit
 * and per batch: the device load that ended the batch and the interrupt levels the RTL saw.
 * The guest's console output is forwarded to the golden machine's console, so tools that watch
 * it (milestones, logs) see it as before.
 *
 * <p>Device time follows the RTL's clock: after each batch the ticking devices advance by the
 * cycles the RTL simulated, so a timer keeps running while the RTL sleeps in WFI. The golden
 * machine's own devices stay idle; the golden hart's interrupt inputs are the levels the RTL
 * saw, applied by the checker.
 */
final class RtlDevices implements MmioHandler {

    private static final int MIP = 0x344;
    private static final int MIP_DEVICE_BITS = 1 << 7 | 1 << 3 | 1 << 11;

    private final Machine golden;
    private final Machine devices;
    private final List<Ticking> tickers = new ArrayList<>();
    private final List<Integer> loadAnswers = new ArrayList<>();
    private final boolean keepAnswers;
    private DataAccess lastAccess;
    private long tickedTo;
    private long driven = -1;
    private final OptionalLong tohost;
    private StopReason tohostWritten;

    /**
     * Devices for a run against {@code golden}, watching the RTL's {@code tohost} word if the
     * program has one; {@code keepAnswers} keeps every load answer for a later traced re-run.
     */
    RtlDevices(Machine golden, OptionalLong tohost, boolean keepAnswers) {
        this.golden = golden;
        this.tohost = tohost;
        this.keepAnswers = keepAnswers;
        this.devices = Machine.create(golden.platform(), golden.hart().profile());
        devices.setSeed(golden.seed());
        devices.console().addSink(golden.console()::write);
        // lines a testbench raised on the golden machine before the run drive the RTL as well
        devices.hart().irqArray().drive(golden.hart().irqArray().driven());
        for (BusDevice d : devices.devices().values()) {
            if (d instanceof Ticking t) {
                tickers.add(t);
            }
        }
    }

    @Override
    public int load(int address, int size) {
        int v;
        try {
            v = devices.bus().load(address & 0xFFFF_FFFFL, size);
        } catch (BusError e) {
            v = 0;
        }
        if (keepAnswers) {
            loadAnswers.add(v);
        }
        lastAccess = new DataAccess(address, size, false, v);
        return v;
    }

    @Override
    public void store(int address, int value, int size) {
        try {
            devices.bus().store(address & 0xFFFF_FFFFL, value, size);
        } catch (BusError e) {
            // the access fault is the golden model's to raise; the RTL has no error response here
        }
        lastAccess = new DataAccess(address, size, true, value);
    }

    /** The device access made since the last call (a run stops at each), or {@code null}; clears it. */
    DataAccess takeAccess() {
        DataAccess a = lastAccess;
        lastAccess = null;
        return a;
    }

    /** Every load answer so far, in order (when kept). */
    List<Integer> loadAnswers() {
        return loadAnswers;
    }

    /**
     * Advances the ticking devices to RTL cycle {@code cycle} and looks at the RTL's
     * {@code tohost} word (in its RAM, which no Java device sees).
     */
    void tickTo(long cycle, VerilatedDut dut) {
        long elapsed = cycle - tickedTo;
        if (elapsed > 0) {
            tickedTo = cycle;
            for (Ticking t : tickers) {
                t.tick(elapsed);
            }
        }
        if (tohost.isPresent() && tohostWritten == null) {
            byte[] b = dut.readRam(tohost.getAsLong(), 4);
            int v = (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
            if (v != 0) {
                int code = (v & 1) != 0 ? v >>> 1 : v;
                tohostWritten = new StopReason(StopReason.Kind.TOHOST, code, (int) tohost.getAsLong(),
                        code == 0 ? "tohost: pass" : "tohost: fail, code " + code);
            }
        }
    }

    /**
     * Drives the RTL's interrupt inputs from the devices' lines (external lines; mip's timer,
     * software and external bits); the RTL sees them from the next cycle. Only a change costs a
     * native call. Returns the levels now driven, packed as {@code mip << 32 | lines}.
     */
    long driveInterrupts(VerilatedDut dut) {
        Csr mipCsr = devices.hart().csrs().get(MIP);
        int mip = mipCsr == null ? 0 : mipCsr.read() & MIP_DEVICE_BITS;
        // the raw device lines: the RTL's own register stages delay them, and this machine's hart
        // never runs, so its modelled stages would never pass them on
        int lines = devices.hart().irqArray().driven();
        long packed = ((long) mip << 32) | (lines & 0xFFFF_FFFFL);
        if (packed != driven) {
            dut.setInterrupts(lines, mip);
            driven = packed;
        }
        return packed;
    }

    /**
     * Why the program finished, or {@code null}: a device (the test finisher), the RTL's
     * {@code tohost} write, or a watcher of the console (which finishes the golden machine).
     */
    StopReason finished() {
        StopReason r = devices.finished();
        if (r == null) {
            r = tohostWritten;
        }
        return r != null ? r : golden.finished();
    }

    /** Makes the finish the RTL side saw visible on the golden machine, where callers look. */
    void publishFinish() {
        StopReason r = devices.finished() != null ? devices.finished() : tohostWritten;
        if (r != null && golden.finished() == null) {
            golden.finish(r);
        }
    }
}
