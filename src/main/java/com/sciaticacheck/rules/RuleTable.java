package com.sciaticacheck.rules;

import java.util.List;

/**
 * The parsed, checked rule table: its version, the rules in table order, the score bands
 * from lowest to highest, and the general prevention advice.
 */
public record RuleTable(String version, List<Rule> rules, List<Band> bands, List<GeneralAdvice> generalAdvice) {

	public RuleTable {
		rules = List.copyOf(rules);
		bands = List.copyOf(bands);
		generalAdvice = List.copyOf(generalAdvice);
	}

	RiskLevel levelFor(int score) {
		RiskLevel level = this.bands.get(0).level();
		for (Band band : this.bands) {
			if (score >= band.lowestScore()) {
				level = band.level();
			}
		}
		return level;
	}

}
