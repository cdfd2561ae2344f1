package com.sciaticacheck.api;

import java.util.List;
import java.util.Locale;

import com.sciaticacheck.rules.Advice;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Evidence;
import com.sciaticacheck.rules.Factor;
import com.sciaticacheck.rules.Finding;
import com.sciaticacheck.rules.Group;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.context.MessageSource;

/**
 * The body answering {@code POST /api/v2/assessments}; the field names are a public
 * contract.
 */
public record AssessmentResponse(String rulesVersion,
		@Schema(description = "Risk factors only, 0 to 100; never changed by the safety check, pain, symptoms or "
				+ "warning signs. Clients must not show it when referral is EMERGENCY.") int score,
		RiskLevel level,
		@Schema(description = "Whether and how soon to see a professional, decided apart from the score") Referral referral,
		boolean seeProfessional,
		@Schema(description = "Every reason for the referral tier, in words") List<String> referralReasons,
		List<FindingResponse> findings, List<AdviceResponse> advice,
		@Schema(description = "Signs that mean A&E or 999 at once if they start; show on every result") List<String> safetyNet) {

	/**
	 * A risk factor that applied; only the highest-scoring finding of a group adds its
	 * points.
	 */
	public record FindingResponse(String ruleId, Group group, Factor factor,
			@Schema(description = "What this finding adds: 0 when counted with another of its group") int points,
			@Schema(description = "The rule of the same group that added the points, or null",
					nullable = true) String countedWith,
			Evidence evidence,
			@Schema(description = "The studies looked at other people or outcomes than runners and sciatica") boolean indirect,
			@Schema(description = "One plain sentence about the evidence") String evidenceSummary, String explanation,
			@Schema(description = "The full citation") String source) {

		static FindingResponse of(Finding finding, MessageSource messages, Locale locale) {
			return new FindingResponse(finding.ruleId(), finding.group(), finding.factor(), finding.points(),
					finding.countedWith(), finding.evidence(), finding.indirect(),
					(finding.evidenceSummaryKey() != null)
							? messages.getMessage(finding.evidenceSummaryKey(), null, locale) : null,
					messages.getMessage(finding.explanationKey(), null, locale), finding.source());
		}

	}

	public record AdviceResponse(String id, String text, String source) {

		static AdviceResponse of(Advice advice, MessageSource messages, Locale locale) {
			return new AdviceResponse(advice.id(),
					messages.getMessage(advice.key(), advice.arguments().toArray(), locale), advice.source());
		}

	}

	public static AssessmentResponse of(Assessment assessment, MessageSource messages, Locale locale) {
		return new AssessmentResponse(assessment.rulesVersion(), assessment.score(), assessment.level(),
				assessment.referral(), assessment.seeProfessional(),
				texts(assessment.referralReasonKeys(), messages, locale),
				assessment.findings().stream().map((finding) -> FindingResponse.of(finding, messages, locale)).toList(),
				assessment.advice().stream().map((advice) -> AdviceResponse.of(advice, messages, locale)).toList(),
				texts(assessment.safetyNetKeys(), messages, locale));
	}

	static List<String> texts(List<String> keys, MessageSource messages, Locale locale) {
		return keys.stream().map((key) -> messages.getMessage(key, null, locale)).toList();
	}

}
