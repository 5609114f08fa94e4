package tandem.dut;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tandem.golden.TandemException;

/**
 * The bus interfaces a CPU top can present to Tandem's memory models, recognised by their port
 * names. A driven shape has a C++ driver in the harness (selected by {@code TANDEM_BUS_*});
 * the others are recognised so the error can say so.
 */
public enum BusShape {

    /** SpinalHDL's RiscvCore with native instruction and data buses. */
    RISCVCORE_NATIVE("riscvcore", true,
            List.of("clk", "reset",
                    "io_i_cmd_valid", "io_i_cmd_ready", "io_i_cmd_payload_pc",
                    "io_i_rsp_valid", "io_i_rsp_ready", "io_i_rsp_payload_instruction", "io_i_rsp_payload_pc",
                    "io_d_cmd_valid", "io_d_cmd_ready", "io_d_cmd_payload_wr", "io_d_cmd_payload_address",
                    "io_d_cmd_payload_data", "io_d_cmd_payload_size", "io_d_rsp_valid", "io_d_rsp_payload")),

    /** VexRiscv with IBusSimplePlugin / DBusSimplePlugin (cmd/rsp, one word per access). */
    VEXRISCV_SIMPLE("vexriscv-simple", true,
            List.of("clk", "reset",
                    "iBus_cmd_valid", "iBus_cmd_ready", "iBus_cmd_payload_pc",
                    "iBus_rsp_valid", "iBus_rsp_payload_error", "iBus_rsp_payload_inst",
                    "dBus_cmd_valid", "dBus_cmd_ready", "dBus_cmd_payload_wr", "dBus_cmd_payload_address",
                    "dBus_cmd_payload_data", "dBus_cmd_payload_size", "dBus_rsp_ready", "dBus_rsp_error",
                    "dBus_rsp_data")),

    /** VexRiscv with IBusCachedPlugin / DBusCachedPlugin memory buses (line refills). */
    VEXRISCV_CACHED("vexriscv-cached", true,
            List.of("clk", "reset",
                    "iBus_cmd_valid", "iBus_cmd_ready", "iBus_cmd_payload_address", "iBus_cmd_payload_size",
                    "iBus_rsp_valid", "iBus_rsp_payload_data", "iBus_rsp_payload_error",
                    "dBus_cmd_valid", "dBus_cmd_ready", "dBus_cmd_payload_wr", "dBus_cmd_payload_address",
                    "dBus_cmd_payload_data", "dBus_cmd_payload_mask", "dBus_cmd_payload_size",
                    "dBus_rsp_valid", "dBus_rsp_payload_data", "dBus_rsp_payload_error")),

    /** VexRiscvAxi4 as in the Baochip-1x SoC: 64-bit instruction AXI4, 32-bit data AXI4. */
    AXI4("axi4", true,
            List.of("clk", "reset",
                    "iBusAxi_ar_valid", "iBusAxi_ar_ready", "iBusAxi_ar_payload_addr", "iBusAxi_ar_payload_id",
                    "iBusAxi_ar_payload_len", "iBusAxi_r_valid", "iBusAxi_r_ready", "iBusAxi_r_payload_data",
                    "iBusAxi_r_payload_id", "iBusAxi_r_payload_resp", "iBusAxi_r_payload_last",
                    "dBusAxi_aw_valid", "dBusAxi_aw_ready", "dBusAxi_aw_payload_addr", "dBusAxi_aw_payload_id",
                    "dBusAxi_w_valid", "dBusAxi_w_ready", "dBusAxi_w_payload_data", "dBusAxi_w_payload_strb",
                    "dBusAxi_b_valid", "dBusAxi_b_ready", "dBusAxi_b_payload_id", "dBusAxi_b_payload_resp",
                    "dBusAxi_ar_valid", "dBusAxi_ar_ready", "dBusAxi_ar_payload_addr", "dBusAxi_ar_payload_id",
                    "dBusAxi_ar_payload_len", "dBusAxi_r_valid", "dBusAxi_r_ready", "dBusAxi_r_payload_data",
                    "dBusAxi_r_payload_id", "dBusAxi_r_payload_resp", "dBusAxi_r_payload_last")),

    /** LiteX's VexRiscv (Precursor/betrusted-soc and LiteX SoCs): classic Wishbone I and D buses. */
    WISHBONE("wishbone", true,
            List.of("clk", "reset",
                    "iBusWishbone_CYC", "iBusWishbone_STB", "iBusWishbone_ACK", "iBusWishbone_ADR",
                    "iBusWishbone_DAT_MISO", "iBusWishbone_ERR",
                    "dBusWishbone_CYC", "dBusWishbone_STB", "dBusWishbone_ACK", "dBusWishbone_WE",
                    "dBusWishbone_ADR", "dBusWishbone_DAT_MISO", "dBusWishbone_DAT_MOSI", "dBusWishbone_SEL",
                    "dBusWishbone_ERR"));

    private final String cliName;
    private final boolean driven;
    private final List<String> ports;

    BusShape(String cliName, boolean driven, List<String> ports) {
        this.cliName = cliName;
        this.driven = driven;
        this.ports = ports;
    }

    /** The name used on the command line ({@code --bus riscvcore}). */
    public String cliName() {
        return cliName;
    }

    /** The top-level ports a top must have to be driven as this shape. */
    public List<String> ports() {
        return ports;
    }

    /** Whether the harness has a driver for this shape in this version of Tandem. */
    public boolean driven() {
        return driven;
    }

    /** The shape named on the command line. */
    public static BusShape named(String name) {
        for (BusShape s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT)) || s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new TandemException("unknown bus shape '" + name + "'; expected one of " + cliNames());
    }

    /** Ports of this shape that {@code top} lacks. */
    public List<String> missing(TopModule top) {
        List<String> missing = new ArrayList<>();
        for (String p : ports) {
            if (!top.hasPort(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /**
     * The shape {@code top} presents. With {@code forced} non-null, checks that shape instead of
     * guessing.
     *
     * @throws TandemException listing the ports found and the shapes expected when none fits, or
     *                         naming the missing ports when the forced shape does not fit
     */
    public static BusShape detect(TopModule top, BusShape forced) {
        if (forced != null) {
            List<String> missing = forced.missing(top);
            if (!missing.isEmpty()) {
                throw new TandemException(top.file() + ": module " + top.name() + " lacks the ports of bus shape "
                        + forced.cliName + ": " + String.join(", ", missing));
            }
            return requireDriven(forced, top);
        }
        for (BusShape s : values()) {
            if (s.missing(top).isEmpty()) {
                return requireDriven(s, top);
            }
        }
        StringBuilder msg = new StringBuilder();
        msg.append(top.file()).append(": module ").append(top.name())
                .append(" matches no supported bus shape; ports found: ");
        List<String> found = new ArrayList<>();
        for (Port p : top.ports()) {
            found.add(p.toString());
        }
        msg.append(found.isEmpty() ? "(none)" : String.join(" ", found));
        msg.append("; shapes expected:");
        for (BusShape s : values()) {
            msg.append(' ').append(s.cliName).append(" {").append(String.join(" ", s.ports)).append('}');
        }
        throw new TandemException(msg.toString());
    }

    private static BusShape requireDriven(BusShape s, TopModule top) {
        if (!s.driven) {
            throw new TandemException(top.file() + ": module " + top.name() + " has the ports of bus shape "
                    + s.cliName + ", which this version of Tandem recognises but has no bus driver for yet;"
                    + " driven shapes: " + drivenNames());
        }
        return s;
    }

    private static String cliNames() {
        List<String> n = new ArrayList<>();
        for (BusShape s : values()) {
            n.add(s.cliName);
        }
        return String.join(", ", n);
    }

    private static String drivenNames() {
        List<String> n = new ArrayList<>();
        for (BusShape s : values()) {
            if (s.driven) {
                n.add(s.cliName);
            }
        }
        return String.join(", ", n);
    }
}
