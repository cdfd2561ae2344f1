package com.sciaticacheck.api;

import java.util.Set;

import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/assessments} as the OpenAPI description shows it: the
 * questionnaire's answers, distances in kilometres. The field names are a public
 * contract. The body is read and checked by the question catalogue
 * ({@link AnswersJsonReader}); ranges and required fields are added to this schema from
 * the catalogue too ({@link CatalogueSchema}), so limits are written once.
 */
record AssessmentRequest(@Schema(description = "Age in years") Integer ageYears,
		@Schema(description = "Optional; with weightKg gives BMI") Integer heightCm,
		@Schema(description = "Optional; with heightCm gives BMI") Double weightKg, Boolean smoker,
		@Schema(description = "Distance run in the last 7 days, km") Double weeklyDistanceKm,
		@Schema(description = "Average distance per week over the 4 weeks before, km") Double baselineWeeklyDistanceKm,
		@Schema(description = "Longest single run in the last 7 days, km") Double longestRunKm,
		@Schema(description = "Longest single run in the 30 days before, km") Double baselineLongestRunKm,
		Surface unevenSurfaces, Footwear footwear,
		@Schema(description = "Strength sessions a week for core, hips and glutes") Integer strengthSessionsPerWeek,
		SideDifference sideToSideDifference, FormConcern formConcerns, Set<Condition> conditions,
		@Schema(description = "Where there is pain now; leg means pain spreading down the leg") Pain pain,
		@Schema(description = "Required unless pain is NONE") Integer painWeeks,
		@Schema(description = "0 to 10; required unless pain is NONE") Integer painSeverity, Set<Symptom> symptoms,
		Set<WarningSign> warningSigns) {

}
