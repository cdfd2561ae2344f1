package com.sciaticacheck.api;

import java.util.List;
import java.util.Locale;

import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;

import org.springframework.context.MessageSource;

/**
 * The body answering {@code POST /api/v1/assessments}; the field names are a public
 * contract.
 */
public record AssessmentResponse(String rulesVersion, int score, RiskLevel level, Referral referral,
		boolean seeProfessional, List<String> referralReasons, List<FindingResponse> findings,
		List<AdviceResponse> advice) {

	public record FindingResponse(String ruleId, Factor factor, int points, Evidence evidence, String explanation,
			String source) {
	}

	public record AdviceResponse(String id, String text, String source) {
	}

	public static AssessmentResponse of(Assessment assessment, MessageSource messages, Locale locale) {
		return new AssessmentResponse(assessment.rulesVersion(), assessment.score(), assessment.level(),
				assessment.referral(), assessment.seeProfessional(),
				assessment.referralReasonKeys().stream().map((key) -> messages.getMessage(key, null, locale)).toList(),
				assessment.findings()
					.stream()
					.map((finding) -> new FindingResponse(finding.ruleId(), finding.factor(), finding.points(),
							finding.evidence(), messages.getMessage(finding.explanationKey(), null, locale),
							finding.source()))
					.toList(),
				assessment.advice()
					.stream()
					.map((advice) -> new AdviceResponse(advice.id(), messages.getMessage(advice.key(), null, locale),
							advice.source()))
					.toList());
	}

}
