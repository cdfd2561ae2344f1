package com.sciaticacheck.rules;

/** The group of known risk factors a rule belongs to. */
public enum Factor {

	TRAINING_LOAD, MUSCLE_BALANCE, RUNNING_FORM, SURFACE, FOOTWEAR, PRE_EXISTING_CONDITION, LIFESTYLE, SYMPTOMS

}
