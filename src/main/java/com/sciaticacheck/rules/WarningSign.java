package com.sciaticacheck.rules;

/**
 * Signs that call for professional help today or this week whatever the score, asked with
 * the symptoms. The emergency signs are the safety check's own questions instead.
 *
 * <p>
 * The retired signs were answers under rules version 1: they are read from results stored
 * then and shown as given, and refused in new answers, each pointing to what asks it now.
 */
public enum WarningSign {

	ONE_LEG_WEAKNESS_WORSENING, FOOT_DROP, FEVER_OR_UNWELL, CANCER_HISTORY, UNEXPLAINED_WEIGHT_LOSS,
	NIGHT_OR_CONSTANT_PAIN, MINOR_FALL, STEROIDS_OR_IMMUNOSUPPRESSION, OSTEOPOROSIS,

	SADDLE_NUMBNESS("safetyCheck.saddleNumbness"), BLADDER_CHANGE("safetyCheck.bladderChange"),
	BOWEL_CHANGE("safetyCheck.bowelChange"), SEXUAL_DYSFUNCTION("safetyCheck.sexualDysfunction"),
	SEVERE_OR_WORSENING_LEG_WEAKNESS("safetyCheck.bothLegsWeakOrNumb"),
	RECENT_TRAUMA("safetyCheck.seriousAccident (a serious accident) or MINOR_FALL (a small fall or knock)");

	private final String askedNowBy;

	WarningSign() {
		this(null);
	}

	WarningSign(String askedNowBy) {
		this.askedNowBy = askedNowBy;
	}

	/** Whether this sign is only an answer of rules version 1. */
	public boolean retired() {
		return this.askedNowBy != null;
	}

	/** For a retired sign, what asks it now, for an API client; else null. */
	public String askedNowBy() {
		return this.askedNowBy;
	}

}
