package tandem.features.machine;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import tandem.features.glue.ParameterTypes;
import tandem.features.glue.StepLocation;
import tandem.features.lockstep.LockstepRun;
import tandem.golden.isa.Disassembler;

/** Steps about the hart, its programs, registers and physical memory. */
public final class ProgramSteps {
    private final SpecMachine world;
    private final LockstepRun lockstep;

    /** Steps acting on the scenario's machine, and on the RTL too in lockstep mode. */
    public ProgramSteps(SpecMachine world, LockstepRun lockstep) {
        this.world = world;
        this.lockstep = lockstep;
    }

    @Given("a VexRiscv hart on the {string} platform")
    public void hartOnPlatform(String platform) {
        world.usePlatform(platform);
    }

    @Given("the program at {hex}:")
    public void program(long address, String source) {
        world.addProgram(address, source, StepLocation.current());
    }

    @Given("register {register} is set to {hex}")
    public void registerIs(int register, long value) {
        world.setRegister(register, (int) value);
    }

    @Given("the word at physical address {hex} is {hex}")
    public void memoryHolds(long pa, long value) {
        world.storeWord(pa, (int) value);
    }

    @Given("an instruction budget of {int}")
    public void budget(int instructions) {
        world.setBudget(instructions);
    }

    @When("the hart runs in {mode} mode until a trap")
    public void runUntilTrap(int mode) {
        world.runUntilTrap(mode, world.firstProgram());
        lockstep.check();
    }

    @When("the hart runs in {mode} mode from {hex} until a trap")
    public void runFromUntilTrap(int mode, long entry) {
        world.runUntilTrap(mode, entry);
        lockstep.check();
    }

    @Then("register {register} is {hex}")
    public void registerShouldBe(int register, long value) {
        world.trap();
        int actual = world.hart().x(register);
        if (actual != (int) value) {
            throw new AssertionError(String.format("register %s is 0x%08x, expected 0x%08x",
                    Disassembler.register(register), actual, (int) value));
        }
    }

    @Then("physical memory at {hex} holds {hex}")
    public void memoryShouldHold(long pa, long value) {
        int actual = world.loadWord(pa);
        if (actual != (int) value) {
            throw new AssertionError(String.format("physical memory at 0x%08x holds 0x%08x, expected 0x%08x",
                    pa, actual, (int) value));
        }
    }

    @Then("the hart is in {mode} mode")
    public void hartInMode(int mode) {
        world.trap();
        int actual = world.hart().privilege();
        if (actual != mode) {
            throw new AssertionError("the hart is in " + ParameterTypes.privilegeName(actual) + " mode, expected "
                    + ParameterTypes.privilegeName(mode));
        }
    }
}
