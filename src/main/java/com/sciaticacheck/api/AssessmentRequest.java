package com.sciaticacheck.api;

import java.util.Set;

import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.IntensityChange;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v2/assessments} as the OpenAPI description shows it: the
 * questionnaire's answers, distances in kilometres. The field names are a public
 * contract. The body is read and checked by the question catalogue
 * ({@link AnswersJsonReader}); ranges and required fields are added to this schema from
 * the catalogue too ({@link CatalogueSchema}), so limits are written once.
 */
record AssessmentRequest(
		@Schema(description = "Required: an explicit answer to every safety question; any true is EMERGENCY",
				requiredMode = Schema.RequiredMode.REQUIRED) SafetyCheck safetyCheck,
		@Schema(description = "Age in years, 16 or over") Integer ageYears,
		@Schema(description = "Optional; with weightKg gives BMI") Integer heightCm,
		@Schema(description = "Optional; with heightCm gives BMI") Double weightKg, Boolean smoker,
		@Schema(description = "Optional, absent is false: pregnant, or gave birth in the last 6 months") Boolean pregnantOrPostpartum,
		@Schema(description = "Distance run in the last 7 days, km") Double weeklyDistanceKm,
		@Schema(description = "Average distance per week over the 4 weeks before, km") Double baselineWeeklyDistanceKm,
		@Schema(description = "Longest single run in the last 7 days, km") Double longestRunKm,
		@Schema(description = "Longest single run in the 30 days before, km") Double baselineLongestRunKm,
		@Schema(description = "Fast or hard running (intervals, tempo, races, hill repeats) in the last 2 weeks "
				+ "compared with the month before") IntensityChange intensityChange,
		Surface unevenSurfaces, Footwear footwear,
		@Schema(description = "Strength sessions a week for core, hips and glutes") Integer strengthSessionsPerWeek,
		SideDifference sideToSideDifference, FormConcern formConcerns, Set<Condition> conditions,
		@Schema(description = "Optional: at a follow-up, how the runner is compared with their last check. "
				+ "Never part of the score or the tier") ChangeSinceLastCheck changeSinceLastCheck,
		@Schema(description = "Where there is pain now; leg means pain spreading down the leg") Pain pain,
		@Schema(description = "Required unless pain is NONE") Integer painWeeks,
		@Schema(description = "0 to 10, pain at its worst now; required unless pain is NONE") Integer painSeverity,
		@Schema(description = "Optional, 0 to 10: leg pain on average over the last 7 days; "
				+ "ignored when pain is NONE. Never part of the score or the tier") Integer legPainAverage,
		@Schema(description = "Optional, 0 to 10: back pain on average over the last 7 days; "
				+ "ignored when pain is NONE. Never part of the score or the tier") Integer backPainAverage,
		Set<Symptom> symptoms,
		@Schema(description = "Signs for today or this week; the emergency signs are safetyCheck's members") Set<WarningSign> warningSigns) {

	/**
	 * The safety check: each member a required boolean, asked one by one on the page.
	 */
	record SafetyCheck(@Schema(
			description = "Numbness or tingling around the genitals, back passage or inner thighs (not only just after a bike ride)") Boolean saddleNumbness,
			@Schema(description = "New difficulty starting to pee, unable to pee, leaking without knowing, or not feeling when you pee, not normal for you") Boolean bladderChange,
			@Schema(description = "New loss of bowel control or not noticing the need to poo, not normal for you") Boolean bowelChange,
			@Schema(description = "Since the back pain began: new loss of feeling in the genitals, or new trouble with erection or ejaculation") Boolean sexualDysfunction,
			@Schema(description = "Weakness or numbness in both legs that is severe or getting worse") Boolean bothLegsWeakOrNumb,
			@Schema(description = "Back or leg pain that began after a serious accident, such as a road accident or a fall from a height") Boolean seriousAccident) {

	}

}
