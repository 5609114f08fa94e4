package tandem.dut.rtl;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code module} or {@code interface} declaration found by {@link SvSource}.
 *
 * @param kind       {@code module} or {@code interface}
 * @param name       its name
 * @param file       the file that declares it
 * @param line       1-based line of the keyword
 * @param parameters the text inside its {@code #( ... )} parameter header, or empty
 * @param parameterNames names of the parameters a parent may override, in order
 * @param ports      its ports in declaration order
 * @param ansi       whether the ports are declared in the header (ANSI style)
 * @param bodyStart  offset in the file just after the header's {@code ;}
 * @param bodyEnd    offset of the matching {@code endmodule} / {@code endinterface}
 * @param modports   for an interface, the modport names it declares
 */
public record SvModule(String kind, String name, Path file, int line, String parameters, List<String> parameterNames,
                       List<SvPort> ports, boolean ansi, int bodyStart, int bodyEnd, List<String> modports) {

    /** The port called {@code portName}, or {@code null}. */
    public SvPort port(String portName) {
        for (SvPort p : ports) {
            if (p.name().equals(portName)) {
                return p;
            }
        }
        return null;
    }

    /** Where it is declared, as messages show it: {@code file.sv:24}. */
    public String where() {
        return file + ":" + line;
    }
}
