package com.sciaticacheck.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.rules.RulesService;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.MessageSource;

/** The running rule table and tier rules, as served by {@code GET /api/v2/rules}. */
record RuleTableResponse(String version, String hitPolicy,
		@Schema(description = "The one point value of each evidence grade") Map<Evidence, Integer> gradePoints,
		List<RuleResponse> rules, List<BandResponse> bands,
		@Schema(description = "The referral tiers from most to least urgent, each with every reason it takes") List<TierResponse> tiers,
		List<AssessmentResponse.AdviceResponse> generalAdvice, List<String> safetyNet) {

	record RuleResponse(String id, Group group, Factor factor, String measure, String operator, String threshold,
			int points, Evidence evidence, boolean indirect, String source, String evidenceSummary, String explanation,
			String advice) {
	}

	record BandResponse(RiskLevel level, int lowestScore) {
	}

	record TierResponse(Referral tier, String action, List<String> reasons) {
	}

	static RuleTableResponse of(RulesService rules, MessageSource messages, Locale locale) {
		var table = rules.table();
		return new RuleTableResponse(table.version(), messages.getMessage("scoring.hitPolicy", null, locale),
				new LinkedHashMap<>(table.gradePoints()),
				table.rules()
					.stream()
					.map((rule) -> new RuleResponse(rule.id(), rule.group(), rule.factor(), rule.measure().tableName(),
							rule.operator().symbol(), rule.threshold(), rule.points(), rule.evidence(), rule.indirect(),
							rule.source(), messages.getMessage(rule.evidenceSummaryKey(), null, locale),
							messages.getMessage(rule.explanationKey(), null, locale),
							// the advice as a runner with no numbers of their own reads
							// it
							messages.getMessage(rule.adviceKey(), new Object[] { 0 }, locale)))
					.toList(),
				table.bands().stream().map((band) -> new BandResponse(band.level(), band.lowestScore())).toList(),
				tiers(rules, messages, locale),
				table.generalAdvice()
					.stream()
					.map((advice) -> new AssessmentResponse.AdviceResponse(
							advice.adviceKey().substring("advice.".length()),
							messages.getMessage(advice.adviceKey(), null, locale), advice.source()))
					.toList(),
				AssessmentResponse.texts(RulesService.SAFETY_NET, messages, locale));
	}

	private static List<TierResponse> tiers(RulesService rules, MessageSource messages, Locale locale) {
		List<TierResponse> tiers = new ArrayList<>();
		rules.reasonKeysByTier()
			.forEach((tier,
					reasons) -> tiers.add(new TierResponse(tier,
							messages.getMessage("result.referral." + tier + ".action", null, locale),
							AssessmentResponse.texts(reasons, messages, locale))));
		return tiers;
	}

}
