package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The divider's bulk steps ({@code advance}, {@code clocksUntilPulse}) against clock-by-clock stepping. */
class QuantumDividerTest {

    @Test
    void bulkStepsMatchClockByClock() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2_000; trial++) {
            QuantumDivider stepped = new QuantumDivider();
            QuantumDivider bulk = new QuantumDivider();
            for (int phase = 0; phase < 4; phase++) {
                int divInt = switch (random.nextInt(5)) {
                    case 0 -> 0;
                    case 1 -> 1;
                    case 2 -> 2;
                    default -> random.nextInt(400);
                };
                int divFrac = random.nextBoolean() ? 0 : random.nextInt(256);
                stepped.configure(divInt, divFrac);
                bulk.configure(divInt, divFrac);
                // Sometimes let the new divisor settle first (its register takes it a clock late).
                for (int settle = random.nextInt(3); settle > 0; settle--) {
                    stepped.clock(false);
                    bulk.clock(false);
                }
                long n = random.nextInt(1_500);
                long until = bulk.clocksUntilPulse(n);
                long firstPulse = stepped.penable() ? 0 : -1;
                for (long i = 1; i <= n; i++) {
                    stepped.clock(false);
                    if (firstPulse < 0 && stepped.penable()) {
                        firstPulse = i;
                    }
                }
                assertEquals(firstPulse < 0 ? n + 1 : firstPulse, until,
                        "clocks until the pulse, DIV " + divInt + "." + divFrac + ", trial " + trial);
                bulk.advance(n);
                for (int probe = 0; probe < 600; probe++) {
                    assertEquals(stepped.penable(), bulk.penable(), "DIV " + divInt + "." + divFrac + " after "
                            + n + " + " + probe + " clocks, trial " + trial);
                    stepped.clock(false);
                    bulk.clock(false);
                }
            }
        }
    }
}
