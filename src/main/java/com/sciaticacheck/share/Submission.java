package com.sciaticacheck.share;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;

import org.springframework.data.annotation.Id;

/**
 * Answers and result a client chose to share. {@code answers} is JSON in the assessment
 * API's field names, {@code result} the assessment as JSON; tier, level and score are
 * copied out for the dashboard list. {@code complete} is false when the client stopped at
 * the safety questions, where there is no score.
 */
public record Submission(@Id Long id, Long shareLinkId, String resultSecretHash, String reference, Instant submittedAt,
		String rulesVersion, Referral referral, boolean complete, RiskLevel riskLevel, int score, String answers,
		String result) {

	Submission withId(Long id) {
		return new Submission(id, this.shareLinkId, this.resultSecretHash, this.reference, this.submittedAt,
				this.rulesVersion, this.referral, this.complete, this.riskLevel, this.score, this.answers, this.result);
	}

	/** When it was submitted, in UTC, for pages. */
	public LocalDateTime submittedAtUtc() {
		return LocalDateTime.ofInstant(this.submittedAt, ZoneOffset.UTC);
	}

	/** Emergency and urgent answers are pinned to the top of the dashboard. */
	public boolean pinned() {
		return this.referral == Referral.EMERGENCY || this.referral == Referral.URGENT;
	}

}
