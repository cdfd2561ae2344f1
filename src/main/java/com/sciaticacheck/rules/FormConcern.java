package com.sciaticacheck.rules;

/** Whether the runner knows of problems with their running form. */
public enum FormConcern {

	NONE, UNSURE, YES

}
