package com.sciaticacheck.rules;

/** Whether one side (hip, glute, leg) is weaker or tighter than the other. */
public enum SideDifference {

	NONE, SLIGHT, CLEAR

}
