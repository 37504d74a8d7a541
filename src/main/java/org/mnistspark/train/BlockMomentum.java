package org.mnistspark.train;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the driver moves the global parameters after a round: blockwise model-update filtering (Chen and
 * Huo, 2016, "BMUF"; Wang et al., 2020, "SlowMo"). The driver keeps the global parameters w and a buffer
 * Δ, zero at the start; with s where the round's workers started and w̄ their mean at its end,
 * Δ ← momentum·Δ + (w̄ − s) and w ← w + Δ. The mean of W workers moves about as far as one worker
 * alone, where sequential training would have moved W times as far in the same steps; a steady move d a
 * round builds Δ up to d / (1 − momentum), so momentum 1 − 1/W gives back the sequential pace. Momentum 0
 * is plain averaging. {@code nesterov}: the workers start from w + momentum·Δ, where the momentum is
 * taking the parameters, instead of from w (BMUF's Nesterov variant). Adam's state is averaged plainly
 * either way.
 */
public record BlockMomentum(double momentum, boolean nesterov) {
    public static final BlockMomentum PLAIN = new BlockMomentum(0, false);

    public BlockMomentum {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("block momentum must be at least 0 and below 1, not " + momentum);
        }
    }

    /** 1 − 1/W: the sequential pace back for W workers, and plain averaging for one, which then trains as a plain loop. */
    public static double defaultFor(int workers) {
        return 1 - 1.0 / workers;
    }

    /** Plain averaging: the global parameters become the workers' mean. */
    public boolean plain() {
        return momentum == 0;
    }

    /** One line for the log. */
    public String describe() {
        if (plain()) {
            return "plain (the parameters become the workers' mean)";
        }
        String m = new BigDecimal(momentum).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return "block momentum " + m + " (the workers' mean move plus " + m + " times the last round's move)"
                + (nesterov ? ", workers starting from the look-ahead (Nesterov)" : "");
    }
}
