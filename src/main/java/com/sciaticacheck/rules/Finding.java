package com.sciaticacheck.rules;

/** A rule that applied to the runner: the reason behind some of the score's points. */
public record Finding(String ruleId, Factor factor, int points, Evidence evidence, String explanationKey, String source,
		String adviceKey) {

	static Finding of(Rule rule) {
		return new Finding(rule.id(), rule.factor(), rule.points(), rule.evidence(), rule.explanationKey(),
				rule.source(), rule.adviceKey());
	}

}
