package com.sciaticacheck.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed, checked rule table: its version, the points of each evidence grade, the
 * rules in table order, the score bands from lowest to highest, and the general
 * prevention advice.
 */
public record RuleTable(String version, Map<Evidence, Integer> gradePoints, List<Rule> rules, List<Band> bands,
		List<GeneralAdvice> generalAdvice) {

	public RuleTable {
		gradePoints = Collections.unmodifiableMap(new EnumMap<>(gradePoints));
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
