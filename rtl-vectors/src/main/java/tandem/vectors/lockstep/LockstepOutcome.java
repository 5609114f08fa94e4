package tandem.vectors.lockstep;

import tandem.lockstep.LockstepResult;
import tandem.vectors.run.VectorOutcome;

/**
 * A vector replayed on the golden model and in lockstep.
 *
 * @param vector   the verdict, as for a golden-only run (NOT_APPLICABLE when the DUT cannot run it)
 * @param lockstep the lockstep run, or null when there was none
 */
public record LockstepOutcome(VectorOutcome vector, LockstepResult lockstep) {

    /** Whether the RTL and the golden model disagreed. */
    public boolean diverged() {
        return lockstep != null && lockstep.outcome() == LockstepResult.Outcome.DIVERGED;
    }
}
