package com.sciaticacheck.assessment;

import java.util.List;

import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.system.CompleteValidation;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The runner's self-check: the safety step, the questionnaire, and the result. Nothing is
 * stored: answers travel in the form posts and the result is rendered from the last one.
 */
@Controller
@RequestMapping("/assessment")
class AssessmentController {

	static final String SAFETY_VIEW = "assessment/safety";

	static final String QUESTIONNAIRE_VIEW = "assessment/questionnaire";

	static final String EMERGENCY_VIEW = "assessment/emergency";

	static final String RESULT_VIEW = "assessment/result";

	private final RulesService rules;

	private final CompleteValidation validation;

	AssessmentController(RulesService rules, CompleteValidation validation) {
		this.rules = rules;
		this.validation = validation;
	}

	@ModelAttribute("basePath")
	String basePath() {
		return "/assessment";
	}

	@GetMapping
	String safetyStep(Model model) {
		model.addAttribute("safetyForm", SafetyForm.empty());
		return SAFETY_VIEW;
	}

	@PostMapping("/safety")
	String checkSafety(@Valid SafetyForm safetyForm, BindingResult result, Model model) {
		this.validation.afterConversionErrors(safetyForm, result);
		if (result.hasErrors()) {
			return SAFETY_VIEW;
		}
		List<String> emergency = this.rules.emergencyReasons(safetyForm.warningSigns(), safetyForm.pain());
		if (!emergency.isEmpty()) {
			model.addAttribute("reasonKeys", emergency);
			return EMERGENCY_VIEW;
		}
		model.addAttribute("questionnaireForm", QuestionnaireForm.start());
		return QUESTIONNAIRE_VIEW;
	}

	@PostMapping("/result")
	String result(@Valid QuestionnaireForm questionnaireForm, BindingResult result, Model model) {
		if (!questionnaireForm.safetyCheckDone()) {
			// the safety questions come first, whatever link or bookmark led here
			return "redirect:/assessment";
		}
		this.validation.afterConversionErrors(questionnaireForm, result);
		if (result.hasErrors()) {
			return QUESTIONNAIRE_VIEW;
		}
		Assessment assessment = this.rules.assess(questionnaireForm.toAnswers());
		if (assessment.referral() == Referral.EMERGENCY) {
			model.addAttribute("reasonKeys", assessment.referralReasonKeys());
			return EMERGENCY_VIEW;
		}
		model.addAttribute("assessment", assessment);
		// the answers ride along on the result page, so the runner can go back and change
		// them
		model.addAttribute("questionnaireForm", questionnaireForm);
		return RESULT_VIEW;
	}

	/** Back from the result to the questionnaire, with every answer as it was. */
	@PostMapping("/edit")
	String edit(QuestionnaireForm questionnaireForm, BindingResult result) {
		return questionnaireForm.safetyCheckDone() ? QUESTIONNAIRE_VIEW : "redirect:/assessment";
	}

	/** Refreshing or bookmarking a step's address starts the check again from the top. */
	@GetMapping({ "/safety", "/result", "/edit" })
	String restart() {
		return "redirect:/assessment";
	}

}
