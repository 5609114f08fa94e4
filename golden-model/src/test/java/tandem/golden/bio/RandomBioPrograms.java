package tandem.golden.bio;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random BIO programs for the differential tests: a prologue that numbers the core and sets
 * its masks, then a loop whose body draws, by weight, work instructions, block traffic, FIFO
 * traffic around the ring of cores (push its own FIFO, pop the previous core's), countdown branches
 * and indirect jumps; some loops end in a trap after a few rounds.
 *
 * @param prologue lines after {@code li a0, core + 1}
 * @param work the work instructions to draw from
 * @param side the block-traffic instructions to draw from
 * @param minBody the fewest body items
 * @param bodySpread how many more body items there may be
 * @param weights weights of work, block traffic, FIFO traffic, countdown, indirect jump
 * @param traps some programs trap after a few rounds
 */
record RandomBioPrograms(List<String> prologue, String[] work, String[] side, int minBody, int bodySpread,
                         int[] weights, boolean traps) {

    /** Assembled programs for one to four cores (core 0 first), drawn from {@code random}. */
    List<byte[]> images(Random random) {
        List<byte[]> images = new ArrayList<>();
        int cores = 1 + random.nextInt(4);
        for (int c = 0; c < cores; c++) {
            images.add(BioPrograms.source(draw(random, c)));
        }
        return images;
    }

    /** A program for core {@code core}, drawn from {@code random}. */
    String[] draw(Random random, int core) {
        List<String> lines = new ArrayList<>();
        lines.add("li a0, " + (core + 1));
        lines.addAll(prologue);
        lines.add("li t1, " + (1 << random.nextInt(24)));
        lines.add("mv evmask, t1");
        lines.add("loop:");
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int n = minBody + random.nextInt(bodySpread);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(total);
            int kind = 0;
            while (pick >= weights[kind]) {
                pick -= weights[kind];
                kind++;
            }
            switch (kind) {
                case 0 -> lines.add(work[random.nextInt(work.length)]);
                case 1 -> lines.add(side[random.nextInt(side.length)]);
                case 2 -> lines.add(random.nextBoolean() ? "mv fifo" + core + ", a0" : "mv a1, fifo" + ((core + 3) & 3));
                case 3 -> {
                    lines.add("addi t2, t2, -1");
                    lines.add("bgtz t2, 1f");
                    lines.add("li t2, " + (1 + random.nextInt(5)));
                    lines.add("1:");
                }
                default -> {
                    lines.add("la t3, 3f");
                    lines.add("jalr t4, t3, 0");
                    lines.add("3:");
                }
            }
        }
        if (traps && random.nextInt(4) == 0) {
            lines.add("addi s1, s1, 1");
            lines.add("li t0, " + (1 + random.nextInt(4)));
            lines.add("blt s1, t0, loop");
            lines.add(random.nextBoolean() ? "ebreak" : "ecall");
        } else {
            lines.add("j loop");
        }
        return lines.toArray(String[]::new);
    }
}
