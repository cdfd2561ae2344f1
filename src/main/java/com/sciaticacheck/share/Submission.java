package com.sciaticacheck.share;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;

import org.springframework.data.annotation.Id;

/**
 * Answers and result a client chose to share, in the stored form of {@link StoredForm}
 * (its version in {@code storedFormVersion}); tier, level and score are copied out for
 * the dashboard list. {@code complete} is false when the client stopped at the safety
 * questions, where there is no score or level (both null). {@code id} never leaves the
 * app: pages, exports and the API name a submission by its random {@code publicId}, as
 * the numeric id counts across every clinic. {@code clientId} names the client whose
 * timeline it is on, if any: shared through their link, or moved there by the physio.
 */
public record Submission(@Id Long id, String publicId, Long shareLinkId, String resultSecretHash, String reference,
		Instant submittedAt, String rulesVersion, Referral referral, boolean complete, RiskLevel riskLevel,
		Integer score, int storedFormVersion, String answers, String result, Long clientId) {

	/** When it was submitted, in UTC, for pages. */
	public LocalDateTime submittedAtUtc() {
		return LocalDateTime.ofInstant(this.submittedAt, ZoneOffset.UTC);
	}

	/**
	 * Whether rules version 1 scored it (stored forms 1 and 2): it is shown as scored
	 * then, and its {@link Referral#URGENT} meant "this week", not "today".
	 */
	public boolean scoredByRulesVersionOne() {
		return this.storedFormVersion < 3;
	}

	/**
	 * The client was told to get help now or today: pinned to the top of the dashboard.
	 */
	public boolean pinned() {
		return this.referral == Referral.EMERGENCY || (this.referral == Referral.URGENT && !scoredByRulesVersionOne());
	}

	/**
	 * The client was told to get help this week: listed after the pinned ones and above
	 * the rest, so it is not lost among routine answers.
	 */
	public boolean thisWeek() {
		return this.referral == Referral.SOON || (this.referral == Referral.URGENT && scoredByRulesVersionOne());
	}

	/**
	 * The message key of its tier as a physio reads it: a tier of rules version 1 is
	 * labelled with what it meant then.
	 */
	public String tierKey() {
		return (scoredByRulesVersionOne() ? "clinic.tier.rulesVersionOne." : "tier.") + this.referral.name();
	}

	/** The tier's look: an urgent of rules version 1 looks like this week's tier. */
	public String tierStyle() {
		return thisWeek() ? "soon" : this.referral.name().toLowerCase(Locale.ROOT);
	}

}
