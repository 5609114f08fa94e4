package tandem.features.xous;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

/** Steps that boot the Xous-ABI test kernel and check the run as a whole. */
public final class KernelSteps {
    private final XabiSystem system;

    /** Steps acting on the scenario's test kernel. */
    public KernelSteps(XabiSystem system) {
        this.system = system;
    }

    /**
     * Chooses the platform. The boot itself runs once the When steps have said what the
     * driver does (they fill its scenario table), at the first Then step.
     */
    @Given("the Xous-ABI kernel is booted on the {string} platform")
    public void booted(String platform) {
        system.boot(platform);
    }

    /** A console step: the only kind that reads what the kernel printed. */
    @Then("the console shows a line containing {string}")
    public void consoleShows(String text) {
        for (java.util.Map.Entry<String, String> u : system.console().entrySet()) {
            for (String line : u.getValue().split("\\r?\\n")) {
                if (line.contains(text)) {
                    return;
                }
            }
        }
        throw new AssertionError("no console line contains \"" + text + "\" (UARTs: " + system.console().keySet() + ")");
    }

    @Then("the kernel halts with nothing left to run")
    public void halts() {
        String how = system.endedBy();
        if (!"idle".equals(how)) {
            throw new AssertionError("the run ended by " + how + ", expected the kernel to halt and idle");
        }
    }
}
