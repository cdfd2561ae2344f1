package com.sciaticacheck.assessment;

import com.sciaticacheck.rules.WarningSign;

/**
 * The emergency questions asked first, each on its own and directly: people may not
 * mention saddle numbness unless asked (NICE CKS sciatica).
 */
public enum SafetyQuestion {

	SADDLE_NUMBNESS("saddleNumbness", WarningSign.SADDLE_NUMBNESS),

	BLADDER_CHANGE("bladderChange", WarningSign.BLADDER_CHANGE),

	BOWEL_CHANGE("bowelChange", WarningSign.BOWEL_CHANGE),

	SEXUAL_DYSFUNCTION("sexualDysfunction", WarningSign.SEXUAL_DYSFUNCTION),

	/**
	 * Not a warning sign of its own: pain in both legs is asked here and answered as
	 * pain.
	 */
	PAIN_IN_BOTH_LEGS("painInBothLegs", null),

	LEG_WEAKNESS("legWeakness", WarningSign.SEVERE_OR_WORSENING_LEG_WEAKNESS),

	FEVER_OR_UNWELL("feverOrUnwell", WarningSign.FEVER_OR_UNWELL);

	private final String field;

	private final WarningSign sign;

	SafetyQuestion(String field, WarningSign sign) {
		this.field = field;
		this.sign = sign;
	}

	/** The form field, also the stem of its message keys. */
	public String getField() {
		return this.field;
	}

	WarningSign sign() {
		return this.sign;
	}

}
