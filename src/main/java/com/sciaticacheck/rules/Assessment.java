package com.sciaticacheck.rules;

import java.util.List;

/**
 * The outcome of one assessment. The referral is decided apart from the score; texts are
 * message keys, resolved by whoever shows them.
 *
 * @param score the risk-factor score, 0 to 100: known risk factors, each group counted
 * once at its evidence grade's points; not a probability, and never changed by current
 * pain, symptoms or warning signs
 */
public record Assessment(String rulesVersion, int score, RiskLevel level, Referral referral,
		List<String> referralReasonKeys, List<Finding> findings, List<Advice> advice) {

	public Assessment {
		referralReasonKeys = List.copyOf(referralReasonKeys);
		findings = List.copyOf(findings);
		advice = List.copyOf(advice);
	}

	public boolean seeProfessional() {
		return this.referral != Referral.NONE;
	}

	/**
	 * The signs that mean A&amp;E at once if they start, as message keys: the same on
	 * every result, whatever rules scored it.
	 */
	public List<String> safetyNetKeys() {
		return Triage.SAFETY_NET;
	}

}
