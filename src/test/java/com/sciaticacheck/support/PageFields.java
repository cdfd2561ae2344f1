package com.sciaticacheck.support;

import com.sciaticacheck.rules.Question;

/**
 * The questionnaire's form fields as page tests name them (field names, element ids),
 * taken from the question catalogue so no test spells a question out.
 */
public final class PageFields {

	public static final String AGE = Question.AGE_YEARS.pageName();

	public static final String HEIGHT = Question.HEIGHT_CM.pageName();

	public static final String WEIGHT = Question.WEIGHT_KG.pageName();

	public static final String SMOKER = Question.SMOKER.pageName();

	public static final String PREGNANT = Question.PREGNANT_OR_POSTPARTUM.pageName();

	public static final String INTENSITY = Question.INTENSITY_CHANGE.pageName();

	/** The safety step's fields, in page order. */
	public static final java.util.List<String> SAFETY = Question.SAFETY_CHECK.stream().map(Question::pageName).toList();

	public static final String WEEKLY = Question.WEEKLY_DISTANCE_KM.pageName();

	public static final String BASELINE_WEEKLY = Question.BASELINE_WEEKLY_DISTANCE_KM.pageName();

	public static final String LONGEST = Question.LONGEST_RUN_KM.pageName();

	public static final String BASELINE_LONGEST = Question.BASELINE_LONGEST_RUN_KM.pageName();

	public static final String SURFACES = Question.UNEVEN_SURFACES.pageName();

	public static final String FOOTWEAR = Question.FOOTWEAR.pageName();

	public static final String STRENGTH = Question.STRENGTH_SESSIONS_PER_WEEK.pageName();

	public static final String SIDE = Question.SIDE_TO_SIDE_DIFFERENCE.pageName();

	public static final String FORM = Question.FORM_CONCERNS.pageName();

	public static final String CONDITIONS = Question.CONDITIONS.pageName();

	public static final String CHANGE = Question.CHANGE_SINCE_LAST_CHECK.pageName();

	public static final String PAIN = Question.PAIN.pageName();

	public static final String PAIN_WEEKS = Question.PAIN_WEEKS.pageName();

	public static final String PAIN_SEVERITY = Question.PAIN_SEVERITY.pageName();

	public static final String LEG_PAIN_AVERAGE = Question.LEG_PAIN_AVERAGE.pageName();

	public static final String BACK_PAIN_AVERAGE = Question.BACK_PAIN_AVERAGE.pageName();

	public static final String SYMPTOMS = Question.SYMPTOMS.pageName();

	public static final String WARNING_SIGNS = Question.WARNING_SIGNS.pageName();

	private PageFields() {
	}

}
