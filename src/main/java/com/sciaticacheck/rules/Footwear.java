package com.sciaticacheck.rules;

/** The shoes the runner usually runs in, from least to most risky. */
public enum Footwear {

	GOOD, WORN, NOT_RUNNING_SHOES

}
