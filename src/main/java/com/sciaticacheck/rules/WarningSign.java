package com.sciaticacheck.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Signs that call for professional help whatever the score. Emergency signs may point to
 * cauda equina syndrome or an infection; urgent signs count only together with current
 * pain.
 */
public enum WarningSign {

	SADDLE_NUMBNESS(true), BLADDER_CHANGE(true), BOWEL_CHANGE(true), SEXUAL_DYSFUNCTION(true),
	SEVERE_OR_WORSENING_LEG_WEAKNESS(true), FEVER_OR_UNWELL(true),

	CANCER_HISTORY(false), UNEXPLAINED_WEIGHT_LOSS(false), NIGHT_OR_CONSTANT_PAIN(false), RECENT_TRAUMA(false),
	STEROIDS_OR_IMMUNOSUPPRESSION(false), OSTEOPOROSIS(false), FOOT_DROP(false);

	private final boolean emergency;

	WarningSign(boolean emergency) {
		this.emergency = emergency;
	}

	public boolean emergency() {
		return this.emergency;
	}

	public static List<WarningSign> emergencySigns() {
		return Arrays.stream(values()).filter(WarningSign::emergency).toList();
	}

	public static List<WarningSign> urgentSigns() {
		return Arrays.stream(values()).filter((sign) -> !sign.emergency()).toList();
	}

}
