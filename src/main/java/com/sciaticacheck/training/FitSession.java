package com.sciaticacheck.training;

/**
 * The values of one FIT session message that an activity needs, as the file gives them:
 * {@link #NOT_SET} where the field is missing or holds the protocol's invalid value.
 *
 * @param startTime field 2, seconds since the FIT epoch
 * @param sport field 5, the sport's number
 * @param subSport field 6, the sub sport's number
 * @param totalDistance field 9, in centimetres
 * @param timestamp field 253, when the session ended, seconds since the FIT epoch
 */
record FitSession(long startTime, long sport, long subSport, long totalDistance, long timestamp) {

	static final long NOT_SET = -1;

	static final int START_TIME = 2;

	static final int SPORT = 5;

	static final int SUB_SPORT = 6;

	static final int TOTAL_DISTANCE = 9;

	static final int TIMESTAMP = 253;

}
