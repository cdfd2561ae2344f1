package com.sciaticacheck.rules;

import java.util.List;

/**
 * The outcome of one assessment. The referral is decided apart from the score; texts are
 * message keys, resolved by whoever shows them.
 *
 * @param score the risk-factor score, 0 to 100: known risk factors weighted by evidence,
 * not a probability
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

}
