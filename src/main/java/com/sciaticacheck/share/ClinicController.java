package com.sciaticacheck.share;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.system.CompleteValidation;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The physio's side: create a link, then the dashboard under its secret address, with the
 * answers clients shared, exports, revoke and delete. No accounts: the dashboard address
 * is the key.
 */
@Controller
@RequestMapping("/clinic")
class ClinicController {

	/** The fields of the new-link form, as {@link NewLinkForm} names them. */
	private static final Set<String> NEW_LINK_FIELDS = Set.of("clinicName", "message", "days");

	private static final String NEW_LINK_VIEW = "share/new-link";

	private final ShareService share;

	private final CreationLimit limit;

	private final LinkAddresses addresses;

	private final SubmissionExports exports;

	private final FhirExport fhir;

	private final CompleteValidation validation;

	ClinicController(ShareService share, CreationLimit limit, LinkAddresses addresses, SubmissionExports exports,
			FhirExport fhir, CompleteValidation validation) {
		this.validation = validation;
		this.share = share;
		this.limit = limit;
		this.addresses = addresses;
		this.exports = exports;
		this.fhir = fhir;
	}

	@GetMapping("/new")
	String newLink(Model model) {
		model.addAttribute("newLinkForm", NewLinkForm.blank());
		return NEW_LINK_VIEW;
	}

	@PostMapping("/new")
	String create(@Valid NewLinkForm newLinkForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		this.validation.afterConversionErrors(newLinkForm, result);
		if (rejectMalformedNames(request, result)) {
			// no page of ours sends such a name: a bad request, shown with the form
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return NEW_LINK_VIEW;
		}
		if (result.hasErrors()) {
			return NEW_LINK_VIEW;
		}
		RateLimiter.Decision limited = this.limit.tryAcquire(request.getRemoteAddr());
		if (!limited.granted()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
			model.addAttribute("tooMany", this.limit.perHour());
			model.addAttribute("retryMinutes", (limited.retryAfterSeconds() + 59) / 60);
			return NEW_LINK_VIEW;
		}
		ShareService.CreatedLink created = this.share.create(newLinkForm.clinicName(), newLinkForm.message(),
				newLinkForm.days());
		return "redirect:/clinic/" + created.dashboardSecret() + "?created";
	}

	/**
	 * Spring binds a field's own name and ignores others, so an indexed, nested or
	 * map-style form of a field's name ({@code days[0]}, {@code days.x}) would be dropped
	 * silently: it is an error next to that field instead.
	 */
	private static boolean rejectMalformedNames(HttpServletRequest request, BindingResult result) {
		boolean malformed = false;
		for (String name : request.getParameterMap().keySet()) {
			int end = name.replaceAll("[\\[.].*", "").length();
			String stem = name.substring(0, end);
			if (end < name.length() && NEW_LINK_FIELDS.contains(stem)) {
				result.rejectValue(stem, "form.field.malformed");
				malformed = true;
			}
		}
		return malformed;
	}

	@GetMapping("/{secret}")
	String dashboard(@PathVariable String secret, Model model) {
		ShareLink link = dashboardLink(secret, model);
		model.addAttribute("submissions", this.share.submissions(link));
		model.addAttribute("status", this.share.status(link));
		model.addAttribute("retainedUntil", this.share.retainedUntil(link));
		model.addAttribute("clientUrl", this.addresses.client(Secrets.clientSecretFor(secret)));
		model.addAttribute("dashboardUrl", this.addresses.dashboard(secret));
		return "share/dashboard";
	}

	@GetMapping("/{secret}/submissions/{id}")
	String submission(@PathVariable String secret, @PathVariable String id, Model model) {
		ShareLink link = dashboardLink(secret, model);
		Submission submission = this.share.submission(link, id).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("submission", submission);
		CheckOutcome outcome = this.share.outcome(submission);
		model.addAttribute("answers", this.exports.labelledAnswers(submission, outcome));
		model.addAttribute("outcome", outcome);
		model.addAttribute("questionnaireVersion", QuestionnaireVersion.of(submission).version());
		return "share/submission";
	}

	@PostMapping("/{secret}/submissions/{id}/delete")
	String deleteSubmission(@PathVariable String secret, @PathVariable String id, Model model) {
		ShareLink link = dashboardLink(secret, model);
		if (!this.share.deleteSubmission(link, id)) {
			throw new LinkNotFoundException();
		}
		return "redirect:/clinic/" + secret + "?deleted";
	}

	@PostMapping("/{secret}/revoke")
	String revoke(@PathVariable String secret, Model model) {
		this.share.revoke(dashboardLink(secret, model));
		return "redirect:/clinic/" + secret + "?revoked";
	}

	@GetMapping("/{secret}/delete")
	String confirmDelete(@PathVariable String secret, Model model) {
		dashboardLink(secret, model);
		return "share/confirm-delete";
	}

	@PostMapping("/{secret}/delete")
	String delete(@PathVariable String secret, Model model) {
		this.share.deleteLink(dashboardLink(secret, model));
		return "share/link-deleted";
	}

	@GetMapping("/{secret}/submissions.csv")
	ResponseEntity<byte[]> csv(@PathVariable String secret, Model model) {
		ShareLink link = dashboardLink(secret, model);
		List<Submission> submissions = this.share.submissions(link);
		String csv = this.exports.csv(submissions, this.share::outcome);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"submissions.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/{secret}/submissions/{id}/fhir", produces = "application/fhir+json")
	@ResponseBody
	String fhir(@PathVariable String secret, @PathVariable String id, Model model) {
		ShareLink link = dashboardLink(secret, model);
		Submission submission = this.share.submission(link, id).orElseThrow(LinkNotFoundException::new);
		return this.fhir.questionnaireResponse(submission, this.share.outcome(submission));
	}

	@GetMapping(path = "/{secret}/qr.svg", produces = "image/svg+xml")
	@ResponseBody
	String qrCode(@PathVariable String secret, Model model) {
		dashboardLink(secret, model);
		return QrCode.svg(this.addresses.client(Secrets.clientSecretFor(secret)));
	}

	private ShareLink dashboardLink(String secret, Model model) {
		ShareLink link = this.share.findForDashboard(secret).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("link", link);
		model.addAttribute("dashboardPath", "/clinic/" + secret);
		return link;
	}

}
