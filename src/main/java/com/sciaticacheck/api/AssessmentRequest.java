package com.sciaticacheck.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.sciaticacheck.rules.AnswerConsistency;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.system.CrossFieldChecked;
import com.sciaticacheck.system.FieldsFitTogether;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/v1/assessments}: the questionnaire's answers, distances in
 * kilometres. The field names are a public contract.
 */
@FieldsFitTogether
public record AssessmentRequest(
		@Schema(description = "Age in years", minimum = "16",
				maximum = "100") @NotNull @Min(16) @Max(100) Integer ageYears,
		@Schema(description = "Optional; with weightKg gives BMI") @Min(120) @Max(230) Integer heightCm,
		@Schema(description = "Optional; with heightCm gives BMI") @DecimalMin("30") @DecimalMax("250") Double weightKg,
		@NotNull Boolean smoker,
		@Schema(description = "Distance run in the last 7 days, km") @NotNull @DecimalMin("0") @DecimalMax("400") Double weeklyDistanceKm,
		@Schema(description = "Average distance per week over the 4 weeks before, km") @NotNull @DecimalMin("0") @DecimalMax("400") Double baselineWeeklyDistanceKm,
		@Schema(description = "Longest single run in the last 7 days, km") @NotNull @DecimalMin("0") @DecimalMax("250") Double longestRunKm,
		@Schema(description = "Longest single run in the 30 days before, km") @NotNull @DecimalMin("0") @DecimalMax("250") Double baselineLongestRunKm,
		@NotNull Surface unevenSurfaces, @NotNull Footwear footwear,
		@Schema(description = "Strength sessions a week for core, hips and glutes") @NotNull @Min(0) @Max(14) Integer strengthSessionsPerWeek,
		@NotNull SideDifference sideToSideDifference, @NotNull FormConcern formConcerns,
		Set<@NotNull Condition> conditions,
		@Schema(description = "Where there is pain now; leg means pain spreading down the leg") @NotNull Pain pain,
		@Schema(description = "Required unless pain is NONE") @Min(0) @Max(520) Integer painWeeks,
		@Schema(description = "0 to 10; required unless pain is NONE") @Min(0) @Max(10) Integer painSeverity,
		Set<@NotNull Symptom> symptoms, Set<@NotNull WarningSign> warningSigns) implements CrossFieldChecked {

	Answers toAnswers() {
		return new Answers(this.ageYears, this.heightCm, this.weightKg, this.smoker, this.weeklyDistanceKm,
				this.baselineWeeklyDistanceKm, this.longestRunKm, this.baselineLongestRunKm, this.unevenSurfaces,
				this.footwear, this.strengthSessionsPerWeek, this.sideToSideDifference, this.formConcerns,
				this.conditions, this.pain, this.pain.present() ? this.painWeeks : null,
				this.pain.present() ? this.painSeverity : null, this.symptoms, this.warningSigns);
	}

	@Override
	public List<FieldProblem> crossFieldProblems() {
		List<FieldProblem> problems = new ArrayList<>();
		for (AnswerConsistency.Problem problem : AnswerConsistency.check(this.heightCm, this.weightKg,
				this.weeklyDistanceKm, this.longestRunKm, this.baselineWeeklyDistanceKm, this.baselineLongestRunKm,
				this.pain, this.painWeeks, this.painSeverity)) {
			problems.add(new FieldProblem(fieldName(problem.field()), problem.messageKey()));
		}
		return problems;
	}

	private static String fieldName(AnswerConsistency.Field field) {
		return switch (field) {
			case HEIGHT -> "heightCm";
			case WEIGHT -> "weightKg";
			case LONGEST_RUN -> "longestRunKm";
			case BASELINE_LONGEST_RUN -> "baselineLongestRunKm";
			case PAIN_WEEKS -> "painWeeks";
			case PAIN_SEVERITY -> "painSeverity";
		};
	}

}
