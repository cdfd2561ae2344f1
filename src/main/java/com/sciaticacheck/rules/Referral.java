package com.sciaticacheck.rules;

/** Whether and how soon to see a professional, from least to most urgent. */
public enum Referral {

	NONE, ROUTINE, URGENT, EMERGENCY

}
