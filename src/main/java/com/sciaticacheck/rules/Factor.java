package com.sciaticacheck.rules;

/**
 * The kind of known risk factor a rule belongs to, as the source document groups them.
 * {@link #SYMPTOMS} is only in results scored by rules version 1, which counted current
 * pain as a risk factor; a rule table may not use it.
 */
public enum Factor {

	TRAINING_LOAD, MUSCLE_BALANCE, RUNNING_FORM, SURFACE, FOOTWEAR, PRE_EXISTING_CONDITION, LIFESTYLE, SYMPTOMS

}
