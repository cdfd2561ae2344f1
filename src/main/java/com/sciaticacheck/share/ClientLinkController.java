package com.sciaticacheck.share;

import java.util.Optional;
import java.util.Set;

import com.sciaticacheck.system.Tokens;
import com.sciaticacheck.assessment.CheckFlow;
import com.sciaticacheck.assessment.CheckHost;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.assessment.CheckPage;
import com.sciaticacheck.assessment.QuestionnaireForm;
import com.sciaticacheck.assessment.SafetyForm;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The check through a physio's client link: the steps of {@link CheckFlow}, headed by the
 * clinic's name and message, with a consent step before the result. Nothing is stored
 * unless the client says yes.
 */
@Controller
@RequestMapping("/c/{secret}")
class ClientLinkController {

	private static final String CONSENT_VIEW = "share/consent";

	/** The consent choice posted together with the answers it is about. */
	private static final Set<String> CONSENT_FIELDS = Set.of("share", "reference");

	private final ShareService share;

	private final CheckFlow flow;

	private final SubmissionLimit limit;

	private final Clients clients;

	ClientLinkController(ShareService share, CheckFlow flow, SubmissionLimit limit, Clients clients) {
		this.share = share;
		this.flow = flow;
		this.limit = limit;
		this.clients = clients;
	}

	@GetMapping
	String landing(@PathVariable String secret, Model model) {
		ShareLink link = openLink(secret, model);
		model.addAttribute("startPath", host(secret, link).page().startPath());
		return "share/client-landing";
	}

	@GetMapping("/assessment")
	String safetyStep(@PathVariable String secret, Model model) {
		ShareLink link = openLink(secret, model);
		return this.flow.start(host(secret, link), model);
	}

	@PostMapping("/safety")
	String checkSafety(@PathVariable String secret, HttpServletRequest request, Model model) {
		ShareLink link = openLink(secret, model);
		return this.flow.checkSafety(host(secret, link), request.getParameterMap(), model);
	}

	/** The questionnaire: when complete, consent comes before the result. */
	@PostMapping("/result")
	String consentStep(@PathVariable String secret, HttpServletRequest request, Model model) {
		ShareLink link = openLink(secret, model);
		return this.flow.submitQuestionnaire(host(secret, link), request.getParameterMap(), model);
	}

	@PostMapping("/consent")
	String consent(@PathVariable String secret, HttpServletRequest request, @Valid ConsentForm consentForm,
			BindingResult consentResult, HttpServletResponse response, Model model) {
		ShareLink link = openLink(secret, model);
		LinkCheck host = host(secret, link);
		QuestionnaireForm answers = QuestionnaireForm.read(request.getParameterMap(), CONSENT_FIELDS,
				host.page().asking());
		if (answers.answers().isEmpty()) {
			// whether this is a follow-up can change while the client answers (their
			// physio moves an earlier check onto them, or deletes their only one): the
			// answers still count as the questionnaire asked them, rather than be lost
			LinkCheck asAsked = new LinkCheck(host.basePath(), host.flow(), !host.followUp());
			QuestionnaireForm asked = QuestionnaireForm.read(request.getParameterMap(), CONSENT_FIELDS,
					asAsked.page().asking());
			if (asked.answers().isPresent()) {
				host = asAsked;
				answers = asked;
			}
		}
		model.addAttribute("questionnaireForm", answers);
		return decide(link, host, this.flow.outcomeOf(answers), consentForm, consentResult, request, response, model);
	}

	/**
	 * Sharing from the emergency page reached at the safety questions: only those answers
	 * exist.
	 */
	@PostMapping("/emergency-consent")
	String emergencyConsent(@PathVariable String secret, HttpServletRequest request, @Valid ConsentForm consentForm,
			BindingResult consentResult, HttpServletResponse response, Model model) {
		ShareLink link = openLink(secret, model);
		LinkCheck host = host(secret, link);
		SafetyForm answers = SafetyForm.read(request.getParameterMap(), CONSENT_FIELDS);
		model.addAttribute("safetyForm", answers);
		return decide(link, host, this.flow.outcomeOf(answers), consentForm, consentResult, request, response, model);
	}

	private String decide(ShareLink link, LinkCheck host, Optional<CheckOutcome> outcome, ConsentForm consentForm,
			BindingResult consentResult, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (outcome.isEmpty()) {
			// the answers travel in hidden fields: changed on the way, so ask them again
			return "redirect:" + host.page().startPath();
		}
		this.flow.page(host.page(), model);
		if (consentResult.hasErrors()) {
			return host.askConsent(outcome.get(), model);
		}
		if (consentForm.shares()) {
			RateLimiter.Decision limited = this.limit.tryAcquire(link, request.getRemoteAddr());
			if (!limited.granted()) {
				// the client still sees the outcome (an emergency above all), told it was
				// not shared
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
				model.addAttribute("retryMinutes", (limited.retryAfterSeconds() + 59) / 60);
				model.addAttribute(CheckPage.ATTRIBUTE, host.page().withOutcomeNotice("share/fragments :: tooMany"));
				return this.flow.show(outcome.get(), model);
			}
			return stored(link, this.share.submit(link, outcome.get(), consentForm.reference()));
		}
		model.addAttribute(CheckPage.ATTRIBUTE, host.page().withOutcomeNotice("share/fragments :: notShared"));
		return this.flow.show(outcome.get(), model);
	}

	/** Back to the questionnaire, with every answer as it was. */
	@PostMapping("/edit")
	String edit(@PathVariable String secret, HttpServletRequest request, Model model) {
		ShareLink link = openLink(secret, model);
		return this.flow.edit(host(secret, link), request.getParameterMap(), model);
	}

	@PostMapping("/import")
	String importTraining(@PathVariable String secret, HttpServletRequest request, Model model) {
		ShareLink link = openLink(secret, model);
		return this.flow.importTraining(host(secret, link), request, model);
	}

	@GetMapping({ "/safety", "/result", "/consent", "/emergency-consent", "/edit", "/import" })
	String restart(@PathVariable String secret) {
		return "redirect:" + startPath(secret);
	}

	private String stored(ShareLink link, Optional<String> resultSecret) {
		// empty when the link was revoked or expired while the client was answering
		return resultSecret.map((result) -> "redirect:/r/" + result).orElseThrow(() -> new LinkClosedException(link));
	}

	/**
	 * The link a client secret opens, if it still takes answers. A secret of the wrong
	 * shape is unknown before it goes anywhere near a redirect.
	 */
	private ShareLink openLink(String secret, Model model) {
		ShareLink link = this.share.findForClient(secret).orElseThrow(LinkNotFoundException::new);
		if (this.share.status(link) != ShareLink.Status.OPEN) {
			throw new LinkClosedException(link);
		}
		model.addAttribute("link", link);
		model.addAttribute("retainedUntil", this.share.retainedUntil(link));
		return link;
	}

	/** Where the check through a link starts, without opening the link. */
	private static String startPath(String secret) {
		if (!Tokens.looksValid(secret)) {
			throw new LinkNotFoundException();
		}
		return LinkCheck.startPath("/c/" + secret);
	}

	private LinkCheck host(String secret, ShareLink link) {
		if (!Tokens.looksValid(secret)) {
			throw new LinkNotFoundException();
		}
		return new LinkCheck("/c/" + secret, this.flow, isFollowUp(link));
	}

	/**
	 * Whether a check through this link follows an earlier one of the same client, so its
	 * questionnaire also asks how they are compared with their last check: the link is a
	 * client's and they have shared a check before.
	 */
	private boolean isFollowUp(ShareLink link) {
		return this.clients.followUp(link);
	}

	/**
	 * The check as a clinic's client takes it: headed by the clinic, and asking consent
	 * before any outcome is shown. An emergency is shown at once, with the choice to let
	 * the clinic know below it.
	 *
	 * @param followUp whether this check is a follow-up: the link is a client's personal
	 * link and they have shared a check through it (or had one moved to them) before. The
	 * one place the check learns it, for the questions asked only at follow-ups.
	 */
	record LinkCheck(String basePath, CheckFlow flow, boolean followUp) implements CheckHost {

		static String startPath(String basePath) {
			return basePath + "/assessment";
		}

		@Override
		public CheckPage page() {
			return new CheckPage(this.basePath, startPath(this.basePath), "share/fragments :: clinicBanner", null, null,
					"result.disclaimer", this.followUp);
		}

		@Override
		public String conclude(CheckOutcome outcome, Model model) {
			model.addAttribute("consentForm", ConsentForm.blank());
			return askConsent(outcome, model);
		}

		String askConsent(CheckOutcome outcome, Model model) {
			// sharing alerts nobody in time: said where help is needed now or today
			model.addAttribute("notSeenToday", outcome.referral().compareTo(Referral.URGENT) >= 0);
			if (outcome.emergency()) {
				String consentPath = (outcome instanceof CheckOutcome.StoppedAtSafety) ? "/emergency-consent"
						: "/consent";
				model.addAttribute("consentPath", consentPath);
				model.addAttribute(CheckPage.ATTRIBUTE,
						page().withEmergencyFooter("share/fragments :: emergencyConsent"));
				return this.flow.show(outcome, model);
			}
			return CONSENT_VIEW;
		}

	}

}
