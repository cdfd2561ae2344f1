package com.sciaticacheck.rules;

/**
 * Fast or hard running (intervals, tempo runs, races, hill repeats) in the last 2 weeks,
 * compared with the month before.
 */
public enum IntensityChange {

	NONE, SOME_MORE, MUCH_MORE

}
