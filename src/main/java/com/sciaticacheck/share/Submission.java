package com.sciaticacheck.share;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;

import org.springframework.data.annotation.Id;

/**
 * Answers and result a client chose to share, in the stored form of {@link StoredForm}
 * (its version in {@code storedFormVersion}); tier, level and score are copied out for
 * the dashboard list. {@code complete} is false when the client stopped at the safety
 * questions, where there is no score or level (both null).
 */
public record Submission(@Id Long id, Long shareLinkId, String resultSecretHash, String reference, Instant submittedAt,
		String rulesVersion, Referral referral, boolean complete, RiskLevel riskLevel, Integer score,
		int storedFormVersion, String answers, String result) {

	/** When it was submitted, in UTC, for pages. */
	public LocalDateTime submittedAtUtc() {
		return LocalDateTime.ofInstant(this.submittedAt, ZoneOffset.UTC);
	}

	/** Emergency and urgent answers are pinned to the top of the dashboard. */
	public boolean pinned() {
		return this.referral == Referral.EMERGENCY || this.referral == Referral.URGENT;
	}

}
