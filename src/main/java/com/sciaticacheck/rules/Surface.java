package com.sciaticacheck.rules;

/** How much of the running is on uneven or cambered ground, from least to most risky. */
public enum Surface {

	NONE, SOME, MOST

}
