package com.sciaticacheck.rules;

/** Back problems the runner has been told they have, now or in the past. */
public enum Condition {

	HERNIATED_DISC, SPINAL_STENOSIS, DEGENERATIVE_DISC_DISEASE, PREVIOUS_SCIATICA, PREVIOUS_BACK_PAIN, BACK_SURGERY

}
