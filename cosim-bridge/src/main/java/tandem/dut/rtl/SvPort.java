package tandem.dut.rtl;

/**
 * One port of a module as its header (ANSI) or body (non-ANSI) declares it.
 *
 * @param name          port name
 * @param direction     {@code input}, {@code output}, {@code inout} or {@code ref}; {@code null}
 *                      for an interface port
 * @param type          the declared data type and packed dimensions as written
 *                      ({@code reg [1:0]}, {@code wire signed [7:0]}, {@code my_pkg::t}); empty
 *                      when none was written
 * @param interfaceName for an interface port, the interface ({@code rbif}); else {@code null}
 * @param modport       the modport of an interface port ({@code slavedp}), or {@code null}
 * @param unpacked      unpacked dimensions after the name as written ({@code [0:3]}), or empty
 * @param line          1-based line of the port's name
 */
public record SvPort(String name, String direction, String type, String interfaceName, String modport,
                     String unpacked, int line) {

    /** Whether this is a SystemVerilog interface port. */
    public boolean isInterface() {
        return interfaceName != null;
    }

    /** Whether this is an interface port with unpacked dimensions, e.g. {@code rbif.slavedp x[0:3]}. */
    public boolean isInterfaceArray() {
        return isInterface() && !unpacked.isEmpty();
    }

    /** The declaration as a message shows it: {@code rbif.slavedp rbif_rdram1kx32[0:3]}. */
    @Override
    public String toString() {
        if (isInterface()) {
            return interfaceName + (modport == null ? "" : "." + modport) + " " + name + unpacked;
        }
        return direction + (type.isEmpty() ? "" : " " + type) + " " + name + unpacked;
    }
}
