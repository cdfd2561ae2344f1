package com.sciaticacheck.assessment;

import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.Symptom;
import com.sciaticacheck.rules.WarningSign;

import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page with the questionnaire needs, for the runner's own check and the one
 * through a physio's link: the options of each question in the order shown, and lenient
 * decimals.
 */
@ControllerAdvice(basePackages = { "com.sciaticacheck.assessment", "com.sciaticacheck.share" })
class QuestionnaireAdvice {

	private static final Map<String, Object> OPTIONS = Map.of("yesNo", new Boolean[] { true, false }, "unit",
			DistanceUnit.values(), "unevenSurfaces", Surface.values(), "footwear", Footwear.values(),
			"sideToSideDifference", SideDifference.values(), "formConcerns", FormConcern.values(), "conditions",
			Condition.values(), "pain", Pain.values(), "symptoms", Symptom.values(), "urgentSigns",
			WarningSign.urgentSigns());

	/**
	 * Accepts a decimal comma ("12,5") as many runners type it, and trims spaces;
	 * anything else that is not a number stays an error next to its field.
	 */
	@InitBinder("questionnaireForm")
	void acceptDecimalComma(WebDataBinder binder) {
		binder.registerCustomEditor(Double.class, new CustomNumberEditor(Double.class, true) {

			@Override
			public void setAsText(String text) {
				super.setAsText((text != null) ? text.strip().replace(',', '.') : null);
			}

		});
	}

	@ModelAttribute("options")
	Map<String, Object> options() {
		return OPTIONS;
	}

	/**
	 * The questionnaire's fields in page order: for the error summary and hidden answers.
	 */
	@ModelAttribute("questionnaireFields")
	List<String> questionnaireFields() {
		return QuestionnaireForm.FIELDS;
	}

	@ModelAttribute("safetyQuestions")
	SafetyQuestion[] safetyQuestions() {
		return SafetyQuestion.values();
	}

}
