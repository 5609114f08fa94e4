package tandem.golden.hart;

/**
 * Lets a runner service an ECALL itself (a bare-metal exit/write convention) instead of the
 * hart trapping. Called before the trap would be taken.
 */
@FunctionalInterface
public interface EcallHook {

    /** Returns {@code true} when the call was handled: the ECALL then retires like a NOP. */
    boolean handle(Hart hart);
}
