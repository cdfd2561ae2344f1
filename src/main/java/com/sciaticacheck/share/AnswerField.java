package com.sciaticacheck.share;

import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;

/**
 * The stored answers, in the assessment API's field names and questionnaire order: what
 * the detail view, the CSV and the FHIR export list.
 */
enum AnswerField {

	AGE_YEARS("ageYears", Type.INTEGER, null), HEIGHT_CM("heightCm", Type.INTEGER, null),
	WEIGHT_KG("weightKg", Type.DECIMAL, null), SMOKER("smoker", Type.BOOLEAN, null),
	WEEKLY_DISTANCE_KM("weeklyDistanceKm", Type.DECIMAL, null),
	BASELINE_WEEKLY_DISTANCE_KM("baselineWeeklyDistanceKm", Type.DECIMAL, null),
	LONGEST_RUN_KM("longestRunKm", Type.DECIMAL, null),
	BASELINE_LONGEST_RUN_KM("baselineLongestRunKm", Type.DECIMAL, null),
	UNEVEN_SURFACES("unevenSurfaces", Type.CHOICE, Surface.class), FOOTWEAR("footwear", Type.CHOICE, Footwear.class),
	STRENGTH_SESSIONS("strengthSessionsPerWeek", Type.INTEGER, null),
	SIDE_TO_SIDE("sideToSideDifference", Type.CHOICE, SideDifference.class),
	FORM_CONCERNS("formConcerns", Type.CHOICE, FormConcern.class),
	CONDITIONS("conditions", Type.CHOICES, Condition.class), PAIN("pain", Type.CHOICE, Pain.class),
	PAIN_WEEKS("painWeeks", Type.INTEGER, null), PAIN_SEVERITY("painSeverity", Type.INTEGER, null),
	SYMPTOMS("symptoms", Type.CHOICES, Symptom.class), WARNING_SIGNS("warningSigns", Type.CHOICES, WarningSign.class);

	enum Type {

		INTEGER, DECIMAL, BOOLEAN, CHOICE, CHOICES

	}

	private final String name;

	private final Type type;

	private final Class<? extends Enum<?>> options;

	AnswerField(String name, Type type, Class<? extends Enum<?>> options) {
		this.name = name;
		this.type = type;
		this.options = options;
	}

	/** The field name in the API, the CSV header and the FHIR linkId. */
	String fieldName() {
		return this.name;
	}

	Type type() {
		return this.type;
	}

	Class<? extends Enum<?>> options() {
		return this.options;
	}

	/**
	 * The message key prefix of this field's option labels, such as {@code answer.Pain}.
	 */
	String optionKeyPrefix() {
		return "answer." + this.options.getSimpleName();
	}

}
