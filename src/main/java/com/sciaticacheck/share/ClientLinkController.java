package com.sciaticacheck.share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sciaticacheck.assessment.QuestionnaireForm;
import com.sciaticacheck.assessment.SafetyForm;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.system.CompleteValidation;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The self-check through a physio's client link: the same questions, headed by the
 * clinic's name and message, with a consent step before the result. Nothing is stored
 * unless the client says yes.
 */
@Controller
@RequestMapping("/c/{secret}")
class ClientLinkController {

	private static final String CONSENT_VIEW = "share/consent";

	private final ShareService share;

	private final RulesService rules;

	private final CompleteValidation validation;

	private final JsonMapper json;

	ClientLinkController(ShareService share, RulesService rules, CompleteValidation validation, JsonMapper json) {
		this.share = share;
		this.rules = rules;
		this.validation = validation;
		this.json = json;
	}

	@ModelAttribute("basePath")
	String basePath(@PathVariable String secret) {
		return "/c/" + secret;
	}

	@GetMapping
	String landing(@PathVariable String secret, Model model) {
		openLink(secret, model);
		return "share/client-landing";
	}

	@GetMapping("/assessment")
	String safetyStep(@PathVariable String secret, Model model) {
		openLink(secret, model);
		model.addAttribute("safetyForm", SafetyForm.empty());
		return "assessment/safety";
	}

	@PostMapping("/safety")
	String checkSafety(@PathVariable String secret, @Valid SafetyForm safetyForm, BindingResult result, Model model) {
		openLink(secret, model);
		this.validation.afterConversionErrors(safetyForm, result);
		if (result.hasErrors()) {
			return "assessment/safety";
		}
		List<String> emergency = this.rules.emergencyReasons(safetyForm.warningSigns(), safetyForm.pain());
		if (!emergency.isEmpty()) {
			return emergencyPage(model, emergency, "/emergency-consent");
		}
		model.addAttribute("questionnaireForm", QuestionnaireForm.start());
		return "assessment/questionnaire";
	}

	/** The questionnaire is complete: ask for consent before showing the result. */
	@PostMapping("/result")
	String consentStep(@PathVariable String secret, @Valid QuestionnaireForm questionnaireForm, BindingResult result,
			Model model) {
		openLink(secret, model);
		if (!questionnaireForm.safetyCheckDone()) {
			return "redirect:/c/" + secret + "/assessment";
		}
		this.validation.afterConversionErrors(questionnaireForm, result);
		if (result.hasErrors()) {
			return "assessment/questionnaire";
		}
		Assessment assessment = this.rules.assess(questionnaireForm.toAnswers());
		if (assessment.referral() == Referral.EMERGENCY) {
			return emergencyPage(model, assessment.referralReasonKeys(), "/consent");
		}
		model.addAttribute("consentForm", ConsentForm.blank());
		return CONSENT_VIEW;
	}

	@PostMapping("/consent")
	String consent(@PathVariable String secret, @Valid QuestionnaireForm questionnaireForm, BindingResult answersResult,
			@Valid ConsentForm consentForm, BindingResult consentResult, Model model) {
		ShareLink link = openLink(secret, model);
		if (!questionnaireForm.safetyCheckDone() || answersResult.hasErrors()) {
			// the answers travel in hidden fields: changed on the way, so ask them again
			return "redirect:/c/" + secret + "/assessment";
		}
		Assessment assessment = this.rules.assess(questionnaireForm.toAnswers());
		boolean emergency = assessment.referral() == Referral.EMERGENCY;
		if (consentResult.hasErrors()) {
			return emergency ? emergencyPage(model, assessment.referralReasonKeys(), "/consent") : CONSENT_VIEW;
		}
		if (consentForm.shares()) {
			return stored(secret,
					this.share.submit(link, answers(questionnaireForm), assessment, true, consentForm.reference()));
		}
		model.addAttribute("notShared", true);
		if (emergency) {
			model.addAttribute("reasonKeys", assessment.referralReasonKeys());
			return "assessment/emergency";
		}
		model.addAttribute("assessment", assessment);
		return "assessment/result";
	}

	/**
	 * Sharing from the emergency page reached at the safety questions: only those answers
	 * exist.
	 */
	@PostMapping("/emergency-consent")
	String emergencyConsent(@PathVariable String secret, @Valid SafetyForm safetyForm, BindingResult answersResult,
			@Valid ConsentForm consentForm, BindingResult consentResult, Model model) {
		ShareLink link = openLink(secret, model);
		List<String> reasons = answersResult.hasErrors() ? List.of()
				: this.rules.emergencyReasons(safetyForm.warningSigns(), safetyForm.pain());
		if (reasons.isEmpty()) {
			return "redirect:/c/" + secret + "/assessment";
		}
		if (consentResult.hasErrors()) {
			return emergencyPage(model, reasons, "/emergency-consent");
		}
		if (consentForm.shares()) {
			Assessment assessment = new Assessment(this.rules.table().version(), 0,
					this.rules.table().bands().get(0).level(), Referral.EMERGENCY, reasons, List.of(), List.of());
			return stored(secret,
					this.share.submit(link, safetyAnswers(safetyForm), assessment, false, consentForm.reference()));
		}
		model.addAttribute("notShared", true);
		model.addAttribute("reasonKeys", reasons);
		return "assessment/emergency";
	}

	/** Back to the questionnaire, with every answer as it was. */
	@PostMapping("/edit")
	String edit(@PathVariable String secret, QuestionnaireForm questionnaireForm, BindingResult result, Model model) {
		openLink(secret, model);
		return questionnaireForm.safetyCheckDone() ? "assessment/questionnaire"
				: "redirect:/c/" + secret + "/assessment";
	}

	@GetMapping({ "/safety", "/result", "/consent", "/emergency-consent", "/edit" })
	String restart(@PathVariable String secret) {
		return "redirect:/c/" + secret + "/assessment";
	}

	private String emergencyPage(Model model, List<String> reasons, String consentPath) {
		model.addAttribute("reasonKeys", reasons);
		model.addAttribute("consentPath", consentPath);
		if (!model.containsAttribute("consentForm")) {
			model.addAttribute("consentForm", ConsentForm.blank());
		}
		return "assessment/emergency";
	}

	private String stored(String secret, Optional<String> resultSecret) {
		// empty when the link was revoked or expired while the client was answering
		return resultSecret.map((result) -> "redirect:/r/" + result)
			.orElseThrow(() -> new LinkClosedException(
					this.share.findForClient(secret).orElseThrow(LinkNotFoundException::new)));
	}

	private ShareLink openLink(String secret, Model model) {
		ShareLink link = this.share.findForClient(secret).orElseThrow(LinkNotFoundException::new);
		if (this.share.status(link) != ShareLink.Status.OPEN) {
			throw new LinkClosedException(link);
		}
		model.addAttribute("link", link);
		model.addAttribute("retainedUntil", this.share.retainedUntil(link));
		return link;
	}

	/**
	 * The answers in the assessment API's field names, as the physio and exports see
	 * them.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> answers(QuestionnaireForm form) {
		return this.json.convertValue(form.toAnswers(), LinkedHashMap.class);
	}

	private static Map<String, Object> safetyAnswers(SafetyForm form) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("warningSigns", form.warningSigns().stream().map(Enum::name).toList());
		answers.put("pain", form.pain().name());
		return answers;
	}

}
