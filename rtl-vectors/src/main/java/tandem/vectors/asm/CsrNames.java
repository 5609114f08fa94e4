package tandem.vectors.asm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tandem.golden.bus.Bus;
import tandem.golden.csr.Csr;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;

/** The CSR names a profile implements, as the golden model's CSR file spells them. */
public final class CsrNames {

    private CsrNames() {
    }

    /** Lower-case CSR name to address, for every CSR of {@code profile}. */
    public static Map<String, Integer> of(Profile profile) {
        Map<String, Integer> names = new HashMap<>();
        // The CSR file is built by the hart's extensions; a hart on an empty bus is the only source.
        for (Csr c : new Hart(profile, new Bus()).csrs().all()) {
            names.put(c.name().toLowerCase(Locale.ROOT), c.address());
        }
        return Map.copyOf(names);
    }
}
