package tandem.golden.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.bus.BusDevice;
import tandem.golden.bus.IrqLine;
import tandem.golden.bus.Ram;
import tandem.golden.bus.Ticking;
import tandem.golden.elf.ElfImage;
import tandem.golden.elf.ElfReader;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.soc.Clint;

/**
 * A hart on a platform: the bus built from the description, its devices, the console, and
 * the rules that end a run (tohost, finisher, the bare-metal exit ECALL, budget, idle, trap
 * loop).
 */
public final class Machine implements DeviceContext {
    /** Bare-metal ECALL convention: a7 = 93 exits with code a0. */
    public static final int ECALL_EXIT = 93;
    /** Bare-metal ECALL convention: a7 = 64 writes a2 bytes at a1 to the console. */
    public static final int ECALL_WRITE = 64;
    private static final int TICK_INTERVAL = 256;

    private final Platform platform;
    private final Hart hart;
    private final Bus bus = new Bus();
    private final Console console = new Console();
    private final Map<String, BusDevice> devices = new LinkedHashMap<>();
    private final List<Ticking> tickers = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();
    private Consumer<String> warnings = System.err::println;
    private long seed = 1;
    private StopReason finished;
    private int tohost;
    private Ram tohostRam;
    private int tohostOffset;

    private Machine(Platform platform, Profile profile) {
        this.platform = platform;
        for (Region r : platform.regions()) {
            bus.map(r.base(), new Ram(r.name(), r.size(), r.writable()));
        }
        this.hart = new Hart(profile, bus);
        for (DeviceSpec spec : platform.devices()) {
            BusDevice d = DeviceCatalog.create(spec, this);
            try {
                bus.map(spec.base(), d);
            } catch (IllegalArgumentException e) {
                throw new TandemException(spec.source() + ": " + e.getMessage());
            }
            devices.put(spec.name(), d);
            if (d instanceof Ticking t) {
                tickers.add(t);
            }
            if (d instanceof Clint c) {
                hart.setTimeSource(c::mtime);
            }
        }
        hart.setPc((int) platform.resetPc());
        hart.setTicker(this::tickDevices, TICK_INTERVAL);
    }

    /** A machine of {@code profile} on {@code platform}, reset. */
    public static Machine create(Platform platform, Profile profile) {
        return new Machine(platform, profile);
    }

    private void tickDevices(long cycles) {
        for (Ticking t : tickers) {
            t.tick(cycles);
        }
        if (tohostRam != null && finished == null) {
            int v = tohostRam.load(tohostOffset, 4);
            if (v != 0) {
                int code = (v & 1) != 0 ? v >>> 1 : v;
                finish(new StopReason(StopReason.Kind.TOHOST, code, hart.pc(),
                        code == 0 ? "tohost: pass" : "tohost: fail, code " + code));
            }
        }
    }

    /**
     * Loads an ELF: copies its segments into memory (a segment outside every RAM/ROM region
     * is an error naming it), sets the pc to the entry point, and watches {@code tohost}.
     */
    public ElfImage loadElf(Path file) {
        ElfImage image = ElfReader.read(file);
        for (ElfImage.Segment s : image.segments()) {
            Bus.Mapping m = bus.findMemory(s.address());
            if (m == null || s.end() > m.end()) {
                throw new TandemException(String.format("%s: segment %d at 0x%08x..0x%08x is outside memory (%s)",
                        file, s.index(), s.address(), s.end(), memoryMap()));
            }
            Ram ram = (Ram) m.device();
            int base = (int) (s.address() - m.base());
            System.arraycopy(s.data(), 0, ram.bytes(), base, s.data().length);
            java.util.Arrays.fill(ram.bytes(), base + s.data().length, (int) (base + s.memorySize()), (byte) 0);
        }
        hart.invalidateCode();
        hart.setPc(image.entry());
        Optional<Integer> th = image.tohost();
        if (th.isPresent()) {
            Bus.Mapping m = bus.findMemory(th.get() & 0xFFFF_FFFFL);
            if (m != null) {
                tohost = th.get();
                tohostRam = (Ram) m.device();
                tohostOffset = (int) ((tohost & 0xFFFF_FFFFL) - m.base());
            }
        }
        return image;
    }

    /** Copies a raw binary file to physical {@code address} (loader images, flash contents). */
    public void loadBinary(Path file, long address) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage());
        }
        poke(address, data, file.toString());
    }

    /** Copies {@code data} to physical {@code address}; {@code what} names it in errors. */
    public void poke(long address, byte[] data, String what) {
        Bus.Mapping m = bus.findMemory(address);
        if (m == null || address + data.length > m.end()) {
            throw new TandemException(String.format("%s: 0x%08x..0x%08x is outside memory (%s)",
                    what, address, address + data.length, memoryMap()));
        }
        System.arraycopy(data, 0, ((Ram) m.device()).bytes(), (int) (address - m.base()), data.length);
        hart.invalidateCode();
    }

    private String memoryMap() {
        StringBuilder sb = new StringBuilder();
        for (Region r : platform.regions()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format("%s 0x%08x..0x%08x", r.name(), r.base(), r.base() + (r.size() & 0xFFFF_FFFFL)));
        }
        return sb.toString();
    }

    /** Enables the bare-metal ECALL convention for M-mode programs with no trap vector (mtvec = 0). */
    public void enableEcallConvention() {
        hart.setEcallHook(h -> {
            if (h.privilege() != Hart.M || h.csrs().get(0x305) == null || h.csrs().read(0x305) != 0) {
                return false;
            }
            int a7 = h.x(17);
            if (a7 == ECALL_EXIT) {
                int code = h.x(10);
                finish(new StopReason(StopReason.Kind.ECALL_EXIT, code, h.pc(), "exit(" + code + ")"));
                return true;
            }
            if (a7 == ECALL_WRITE) {
                int buf = h.x(11);
                int len = h.x(12);
                for (int i = 0; i < len; i++) {
                    console.write("ecall", bus.load((buf + i) & 0xFFFF_FFFFL, 1));
                }
                h.setX(10, len);
                return true;
            }
            return false;
        });
    }

    /**
     * Runs until the program ends, {@code budget} instructions retire, the hart idles with
     * nothing to wake it, or exceptions loop without progress.
     */
    public StopReason run(long budget) {
        finished = null;
        long start = hart.instret();
        while (finished == null) {
            long left = budget - (hart.instret() - start);
            if (left <= 0) {
                return stop(new StopReason(StopReason.Kind.BUDGET, 3, hart.pc(),
                        "instruction limit of " + budget + " reached"));
            }
            Hart.Exit exit = hart.run(left);
            if (finished != null) {
                break;
            }
            if (exit == Hart.Exit.IDLE) {
                return stop(new StopReason(StopReason.Kind.IDLE, 4, hart.pc(),
                        "waiting in WFI with no interrupt pending or able to arrive"));
            }
            if (exit == Hart.Exit.TRAP_LOOP) {
                return stop(fatal());
            }
        }
        return finished;
    }

    private StopReason fatal() {
        return new StopReason(StopReason.Kind.FATAL, 5, hart.pc(), String.format(
                "trap loop: %s at 0x%08x (tval 0x%08x), and the trap handler at 0x%08x faults again and again",
                hart.lastTrapCause().description(), hart.lastTrapPc(), hart.lastTrapTval(), hart.pc()));
    }

    private StopReason stop(StopReason reason) {
        finished = reason;
        return reason;
    }

    @Override
    public void finish(StopReason reason) {
        if (finished == null) {
            finished = reason;
        }
        hart.requestStop();
    }

    /** The reason the last run ended, or {@code null} while running. */
    public StopReason finished() {
        return finished;
    }

    @Override
    public Hart hart() {
        return hart;
    }

    /** The physical bus. */
    public Bus bus() {
        return bus;
    }

    /** The platform description. */
    public Platform platform() {
        return platform;
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public IrqLine irqLine(int n) {
        return level -> hart.irqArray().setLine(n, level);
    }

    @Override
    public void warnOnce(String key, String message) {
        if (warned.add(key)) {
            warnings.accept("tandem: warning: " + message);
        }
    }

    /** Where device warnings go (stderr by default). */
    public void setWarnings(Consumer<String> sink) {
        this.warnings = sink;
    }

    @Override
    public long seed() {
        return seed;
    }

    /** Sets the seed devices draw randomness from (before the run). */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** A device by instance name. */
    public <T extends BusDevice> Optional<T> device(String name, Class<T> type) {
        BusDevice d = devices.get(name);
        return type.isInstance(d) ? Optional.of(type.cast(d)) : Optional.empty();
    }

    /** Every device by instance name, in description order. */
    public Map<String, BusDevice> devices() {
        return java.util.Collections.unmodifiableMap(devices);
    }
}
