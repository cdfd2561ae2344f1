package com.sciaticacheck.assessment;

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
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Step 2, the questionnaire, with distances in the unit the runner chose. The safety
 * answers of step 1 were all "no" to get here; {@code safetyChecked} carries that.
 */
@FieldsFitTogether
public record QuestionnaireForm(Boolean safetyChecked, @NotNull(message = "{question.unit.required}") DistanceUnit unit,
		@NotNull(message = "{question.ageYears.required}") @Min(value = 16, message = "{question.ageYears.range}") @Max(
				value = 100, message = "{question.ageYears.range}") Integer ageYears,
		@Min(value = 120, message = "{question.heightCm.range}") @Max(value = 230,
				message = "{question.heightCm.range}") Integer heightCm,
		@DecimalMin(value = "30", message = "{question.weightKg.range}") @DecimalMax(value = "250",
				message = "{question.weightKg.range}") Double weightKg,
		@NotNull(message = "{question.smoker.required}") Boolean smoker,
		@NotNull(message = "{question.weeklyDistance.required}") @DecimalMin(value = "0",
				message = "{question.distance.negative}") Double weeklyDistance,
		@NotNull(message = "{question.baselineWeeklyDistance.required}") @DecimalMin(value = "0",
				message = "{question.distance.negative}") Double baselineWeeklyDistance,
		@NotNull(message = "{question.longestRun.required}") @DecimalMin(value = "0",
				message = "{question.distance.negative}") Double longestRun,
		@NotNull(message = "{question.baselineLongestRun.required}") @DecimalMin(value = "0",
				message = "{question.distance.negative}") Double baselineLongestRun,
		@NotNull(message = "{question.unevenSurfaces.required}") Surface unevenSurfaces,
		@NotNull(message = "{question.footwear.required}") Footwear footwear,
		@NotNull(message = "{question.strengthSessionsPerWeek.required}") @Min(value = 0,
				message = "{question.strengthSessionsPerWeek.range}") @Max(value = 14,
						message = "{question.strengthSessionsPerWeek.range}") Integer strengthSessionsPerWeek,
		@NotNull(message = "{question.sideToSideDifference.required}") SideDifference sideToSideDifference,
		@NotNull(message = "{question.formConcerns.required}") FormConcern formConcerns, Set<Condition> conditions,
		@NotNull(message = "{question.pain.required}") Pain pain,
		@Min(value = 0, message = "{question.painWeeks.range}") @Max(value = 520,
				message = "{question.painWeeks.range}") Integer painWeeks,
		@Min(value = 0, message = "{question.painSeverity.range}") @Max(value = 10,
				message = "{question.painSeverity.range}") Integer painSeverity,
		Set<Symptom> symptoms, Set<WarningSign> urgentSigns) implements CrossFieldChecked {

	/** The answer fields in the order the page asks them. */
	static final List<String> FIELDS = List.of("ageYears", "heightCm", "weightKg", "smoker", "unit", "weeklyDistance",
			"baselineWeeklyDistance", "longestRun", "baselineLongestRun", "unevenSurfaces", "footwear",
			"strengthSessionsPerWeek", "sideToSideDifference", "formConcerns", "conditions", "pain", "painWeeks",
			"painSeverity", "symptoms", "urgentSigns");

	/** A blank questionnaire, in kilometres unless the runner picks miles. */
	public static QuestionnaireForm start() {
		return new QuestionnaireForm(true, DistanceUnit.KM, null, null, null, null, null, null, null, null, null, null,
				null, null, null, Set.of(), null, null, null, Set.of(), Set.of());
	}

	public boolean safetyCheckDone() {
		return Boolean.TRUE.equals(this.safetyChecked);
	}

	public Answers toAnswers() {
		boolean painNow = this.pain.present();
		return new Answers(this.ageYears, this.heightCm, this.weightKg, this.smoker, km(this.weeklyDistance),
				km(this.baselineWeeklyDistance), km(this.longestRun), km(this.baselineLongestRun), this.unevenSurfaces,
				this.footwear, this.strengthSessionsPerWeek, this.sideToSideDifference, this.formConcerns,
				this.conditions, this.pain, painNow ? this.painWeeks : null, painNow ? this.painSeverity : null,
				this.symptoms, this.urgentSigns);
	}

	private Double km(Double distance) {
		if (distance == null || this.unit == null) {
			return distance;
		}
		return this.unit.toKm(distance);
	}

	@Override
	public List<FieldProblem> crossFieldProblems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.unit != null) {
			checkMax(problems, "weeklyDistance", this.weeklyDistance, this.unit.getMaxWeekly());
			checkMax(problems, "baselineWeeklyDistance", this.baselineWeeklyDistance, this.unit.getMaxWeekly());
			checkMax(problems, "longestRun", this.longestRun, this.unit.getMaxSingleRun());
			checkMax(problems, "baselineLongestRun", this.baselineLongestRun, this.unit.getMaxSingleRun());
		}
		for (AnswerConsistency.Problem problem : AnswerConsistency.check(this.heightCm, this.weightKg,
				km(this.weeklyDistance), km(this.longestRun), km(this.baselineWeeklyDistance),
				km(this.baselineLongestRun), this.pain, this.painWeeks, this.painSeverity)) {
			if (problems.stream().noneMatch((known) -> known.field().equals(fieldName(problem.field())))) {
				problems.add(new FieldProblem(fieldName(problem.field()), problem.messageKey()));
			}
		}
		return problems;
	}

	private void checkMax(List<FieldProblem> problems, String field, Double distance, int max) {
		if (distance != null && distance > max) {
			problems.add(new FieldProblem(field, "question." + field + ".max." + this.unit.name()));
		}
	}

	private static String fieldName(AnswerConsistency.Field field) {
		return switch (field) {
			case HEIGHT -> "heightCm";
			case WEIGHT -> "weightKg";
			case LONGEST_RUN -> "longestRun";
			case BASELINE_LONGEST_RUN -> "baselineLongestRun";
			case PAIN_WEEKS -> "painWeeks";
			case PAIN_SEVERITY -> "painSeverity";
		};
	}

}
