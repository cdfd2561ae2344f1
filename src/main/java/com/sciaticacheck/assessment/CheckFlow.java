package com.sciaticacheck.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The check's steps, the same for every {@link CheckHost}: the safety questions, the
 * emergency gate, the questionnaire and the outcome. The gate is decided here and only
 * here, by the rules service's emergency triage.
 */
@Component
public class CheckFlow {

	static final String SAFETY_VIEW = "assessment/safety";

	static final String QUESTIONNAIRE_VIEW = "assessment/questionnaire";

	static final String EMERGENCY_VIEW = "assessment/emergency";

	static final String RESULT_VIEW = "assessment/result";

	static final String UNDER_16_VIEW = "assessment/under16";

	private final RulesService rules;

	private final QuestionnairePage pages;

	private final TrainingImportStep training;

	CheckFlow(RulesService rules, QuestionnairePage pages, TrainingImportStep training) {
		this.rules = rules;
		this.pages = pages;
		this.training = training;
	}

	/** Step 1: the safety questions, unanswered. */
	public String start(CheckHost host, Model model) {
		page(host.page(), model);
		model.addAttribute("safetyForm", SafetyForm.blank());
		return SAFETY_VIEW;
	}

	/**
	 * The safety answers: any emergency sign ends the check here; otherwise step 2.
	 */
	public String checkSafety(CheckHost host, Map<String, String[]> parameters, Model model) {
		page(host.page(), model);
		SafetyForm form = SafetyForm.read(parameters, Set.of());
		model.addAttribute("safetyForm", form);
		if (form.getErrors().any()) {
			return SAFETY_VIEW;
		}
		Optional<CheckOutcome.StoppedAtSafety> stopped = gate(form);
		if (stopped.isPresent()) {
			return host.conclude(stopped.get(), model);
		}
		model.addAttribute("questionnaireForm", QuestionnaireForm.blank(host.page().asking()));
		return QUESTIONNAIRE_VIEW;
	}

	/** Step 2: the questionnaire, again with its problems, or the outcome. */
	public String submitQuestionnaire(CheckHost host, Map<String, String[]> parameters, Model model) {
		page(host.page(), model);
		QuestionnaireForm form = QuestionnaireForm.read(parameters, Set.of(), host.page().asking());
		if (!form.safetyCheckDone()) {
			// the safety questions come first, whatever link or bookmark led here
			return "redirect:" + host.page().startPath();
		}
		model.addAttribute("questionnaireForm", form);
		if (form.isUnderAge()) {
			// the check is for adults: what to do instead, nothing assessed or stored
			model.addAttribute("safetyNetKeys", RulesService.SAFETY_NET);
			return UNDER_16_VIEW;
		}
		if (form.answers().isEmpty()) {
			return QUESTIONNAIRE_VIEW;
		}
		return host.conclude(assess(form.answers().get()), model);
	}

	/**
	 * The questionnaire again, its load questions filled in from the runner's training
	 * files (or the reason they could not be), every other answer as it was.
	 */
	public String importTraining(CheckHost host, HttpServletRequest request, Model model) {
		page(host.page(), model);
		Asking asking = host.page().asking();
		if (!QuestionnaireForm.resumed(request.getParameterMap(), FormErrors.none(), asking).safetyCheckDone()) {
			return "redirect:" + host.page().startPath();
		}
		model.addAttribute("questionnaireForm", this.training.read(request, model, asking));
		return QUESTIONNAIRE_VIEW;
	}

	/** Back to the questionnaire, with every answer as it was. */
	public String edit(CheckHost host, Map<String, String[]> parameters, Model model) {
		page(host.page(), model);
		QuestionnaireForm form = QuestionnaireForm.read(parameters, Set.of(), host.page().asking());
		if (!form.safetyCheckDone()) {
			return "redirect:" + host.page().startPath();
		}
		model.addAttribute("questionnaireForm", form);
		return QUESTIONNAIRE_VIEW;
	}

	/**
	 * The outcome of a questionnaire carried in hidden fields to a later step, such as
	 * consent; empty when the answers are not a complete check any more (changed on the
	 * way).
	 */
	public Optional<CheckOutcome> outcomeOf(QuestionnaireForm form) {
		return form.safetyCheckDone() ? form.answers().map(this::assess) : Optional.empty();
	}

	/**
	 * The outcome of safety answers carried to a later step: only an emergency stop is
	 * one.
	 */
	public Optional<CheckOutcome> outcomeOf(SafetyForm form) {
		return form.getErrors().any() ? Optional.empty() : gate(form).map(CheckOutcome.class::cast);
	}

	/** Shows an outcome: the emergency page, or the result. */
	public String show(CheckOutcome outcome, Model model) {
		if (outcome.emergency()) {
			model.addAttribute("reasonKeys", outcome.referralReasonKeys());
			return EMERGENCY_VIEW;
		}
		model.addAttribute("assessment", ((CheckOutcome.Assessed) outcome).assessment());
		model.addAttribute("symptomsNow", SymptomsNow.of(outcome.answers()));
		return RESULT_VIEW;
	}

	/** What the check's templates need besides the forms and the outcome. */
	public void page(CheckPage page, Model model) {
		model.addAttribute(CheckPage.ATTRIBUTE, page);
		model.addAttribute("pages", this.pages.in(LocaleContextHolder.getLocale(), page.asking()));
	}

	private Optional<CheckOutcome.StoppedAtSafety> gate(SafetyForm form) {
		Map<Question<?>, Object> answers = form.answers();
		List<String> reasons = this.rules.safetyReasons(answers);
		// only what was asked is kept: no pain or other answer is made up for a stop here
		return reasons.isEmpty() ? Optional.empty() : Optional.of(new CheckOutcome.StoppedAtSafety(answers, reasons));
	}

	private CheckOutcome assess(Answers answers) {
		return new CheckOutcome.Assessed(answers, this.rules.assess(answers));
	}

}
