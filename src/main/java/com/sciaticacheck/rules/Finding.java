package com.sciaticacheck.rules;

/**
 * A rule that applied to the runner. Within a group only the highest-scoring match adds
 * its points; the others add none and name it in {@code countedWith}.
 *
 * @param points what this finding adds to the score: its rule's points, or 0 when counted
 * with another
 * @param countedWith the id of the rule of the same group that added the points, or null
 * @param group null in results scored by rules version 1, which had no groups
 * @param evidenceSummaryKey a plain one-sentence summary of the evidence; null in results
 * scored by rules version 1
 */
public record Finding(String ruleId, Group group, Factor factor, int points, String countedWith, Evidence evidence,
		boolean indirect, String evidenceSummaryKey, String explanationKey, String source, String adviceKey) {

	static Finding counted(Rule rule) {
		return new Finding(rule.id(), rule.group(), rule.factor(), rule.points(), null, rule.evidence(),
				rule.indirect(), rule.evidenceSummaryKey(), rule.explanationKey(), rule.source(), rule.adviceKey());
	}

	static Finding countedWith(Rule rule, Rule winner) {
		return new Finding(rule.id(), rule.group(), rule.factor(), 0, winner.id(), rule.evidence(), rule.indirect(),
				rule.evidenceSummaryKey(), rule.explanationKey(), rule.source(), rule.adviceKey());
	}

	/** Whether this finding added its points, rather than being counted with another. */
	public boolean addsPoints() {
		return this.countedWith == null;
	}

}
