package com.sciaticacheck.rules;

/** A score band: scores from {@code lowestScore} up to the next band's are this level. */
public record Band(RiskLevel level, int lowestScore) {
}
