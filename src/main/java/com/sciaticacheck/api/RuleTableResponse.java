package com.sciaticacheck.api;

import java.util.List;
import java.util.Locale;

import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.rules.RuleTable;

import org.springframework.context.MessageSource;

/** The running rule table, as served by {@code GET /api/v1/rules}. */
record RuleTableResponse(String version, String hitPolicy, List<RuleResponse> rules, List<BandResponse> bands,
		List<AssessmentResponse.AdviceResponse> generalAdvice) {

	record RuleResponse(String id, Factor factor, String measure, String operator, String threshold, int points,
			Evidence evidence, String source, String explanation, String advice) {
	}

	record BandResponse(RiskLevel level, int lowestScore) {
	}

	static RuleTableResponse of(RuleTable table, MessageSource messages, Locale locale) {
		return new RuleTableResponse(table.version(), messages.getMessage("scoring.hitPolicy", null, locale),
				table.rules()
					.stream()
					.map((rule) -> new RuleResponse(rule.id(), rule.factor(), rule.measure().tableName(),
							rule.operator().symbol(), rule.threshold(), rule.points(), rule.evidence(), rule.source(),
							messages.getMessage(rule.explanationKey(), null, locale),
							messages.getMessage(rule.adviceKey(), null, locale)))
					.toList(),
				table.bands().stream().map((band) -> new BandResponse(band.level(), band.lowestScore())).toList(),
				table.generalAdvice()
					.stream()
					.map((advice) -> new AssessmentResponse.AdviceResponse(
							advice.adviceKey().substring("advice.".length()),
							messages.getMessage(advice.adviceKey(), null, locale), advice.source()))
					.toList());
	}

}
