package tandem.lockstep;

import tandem.dut.RetireBatch;
import tandem.golden.platform.StopReason;

/**
 * What the thread running the RTL hands the checking thread after one native run call:
 * everything the golden model needs from the RTL side, so the checker never touches the RTL
 * or its devices.
 *
 * @param batch          the retires of the call (the checker returns the buffer when done)
 * @param deviceAccess   the device access that ended the call, or {@code null}; it precedes the
 *                       retire of its instruction, which is in this batch or a later one
 * @param interruptLevels the interrupt inputs the RTL saw during the call, packed as
 *                       {@code mip << 32 | lines}, or -1 before any were driven
 * @param finishing      the finish a device or the golden model signalled before the call, or
 *                       {@code null}: the first device store retired from now on ends the run
 * @param cycles         RTL cycles simulated when the call returned
 * @param end            the RTL side's verdict after this batch, or {@code null} to go on
 * @param xParting       in an X-check, where this batch's retires part from the other X seed's,
 *                       or {@code null}; checking ends at that retire
 */
record BatchHandoff(RetireBatch batch, DataAccess deviceAccess, long interruptLevels, StopReason finishing,
                    long cycles, Ending end, XSeedTwin.Parting xParting) {

    /** How the RTL side ended the run, to apply once every earlier retire is checked. */
    record Ending(LockstepResult.Outcome outcome, String detail) {
    }
}
