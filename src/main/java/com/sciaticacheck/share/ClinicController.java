package com.sciaticacheck.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.account.AccessLog;
import com.sciaticacheck.account.ClinicAccount;
import com.sciaticacheck.account.Passkeys;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.system.CompleteValidation;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The physio's side, inside the account: the dashboard of every link and every shared
 * answer, a link's page with its client link, QR code, revoke and delete, each answer
 * with the clinician's summary first, the exports, and claiming a link made before
 * accounts. Every method takes the signed-in {@link ClinicAccount}, and every look-up is
 * by that account: another account's link or answer is not found (404).
 */
@Controller
@RequestMapping("/clinic")
class ClinicController {

	/** The fields of the new-link form, as {@link NewLinkForm} names them. */
	private static final Set<String> NEW_LINK_FIELDS = Set.of("clinicName", "message", "days");

	private static final String NEW_LINK_VIEW = "share/new-link";

	/**
	 * How far a burst's times may lie outside the link's life: stored times are rounded.
	 */
	private static final Duration SLACK = Duration.ofSeconds(1);

	private final ShareService share;

	private final CreationLimit limit;

	private final LinkAddresses addresses;

	private final SubmissionExports exports;

	private final FhirExport fhir;

	private final CompleteValidation validation;

	private final Bursts bursts;

	private final AccessLog log;

	private final Passkeys passkeys;

	private final Clients clients;

	ClinicController(ShareService share, CreationLimit limit, LinkAddresses addresses, SubmissionExports exports,
			FhirExport fhir, CompleteValidation validation, Bursts bursts, AccessLog log, Passkeys passkeys,
			Clients clients) {
		this.share = share;
		this.limit = limit;
		this.addresses = addresses;
		this.exports = exports;
		this.fhir = fhir;
		this.validation = validation;
		this.bursts = bursts;
		this.log = log;
		this.passkeys = passkeys;
		this.clients = clients;
	}

	@GetMapping
	String dashboard(ClinicAccount account, @RequestParam(defaultValue = "1") String page, Model model) {
		List<ShareLink> links = this.share.links(account.id());
		ShareService.Page answers = this.share.page(account.id(), pageIndex(page));
		model.addAttribute("account", account);
		// clients' own links are on their pages, not among the clinic-wide ones
		model.addAttribute("links", links.stream().filter((link) -> link.clientId() == null).toList());
		model.addAttribute("overdue", this.clients.overdue(account.id()));
		model.addAttribute("page", answers);
		model.addAttribute("rows", rows(answers.submissions(), links, this.clients.labels(account.id())));
		model.addAttribute("bursts", this.bursts.of(links));
		model.addAttribute("needsPasskey", !this.passkeys.any(account));
		model.addAttribute("now", this.share.now());
		return "share/dashboard";
	}

	/** The links of a bookmark from before accounts: the new-link page is here now. */
	@GetMapping("/new")
	String oldNewLink() {
		return "redirect:/clinic/links/new";
	}

	@GetMapping("/links/new")
	String newLink(Model model) {
		model.addAttribute("newLinkForm", NewLinkForm.blank());
		return NEW_LINK_VIEW;
	}

	@PostMapping("/links/new")
	String create(ClinicAccount account, @Valid NewLinkForm newLinkForm, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
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
		ShareLink link = this.share.create(account.id(), newLinkForm.clinicName(), newLinkForm.message(),
				newLinkForm.days());
		this.log.record(account.id(), AccessLog.Kind.LINK_CREATED, link.clinicName(), request);
		return "redirect:/clinic/links/" + link.publicId() + "?created";
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

	@GetMapping("/links/{linkId}")
	String link(ClinicAccount account, @PathVariable String linkId, @RequestParam(defaultValue = "1") String page,
			Model model) {
		ShareLink link = link(account, linkId, model);
		ShareService.Page answers = this.share.page(link, pageIndex(page));
		model.addAttribute("page", answers);
		model.addAttribute("rows", rows(answers.submissions(), List.of(link), this.clients.labels(account.id())));
		model.addAttribute("bursts", this.bursts.of(List.of(link)));
		model.addAttribute("status", this.share.status(link));
		model.addAttribute("retainedUntil", this.share.retainedUntil(link));
		model.addAttribute("clientUrl", this.addresses.client(link.clientSecret()));
		return "share/link";
	}

	@GetMapping(path = "/links/{linkId}/qr.svg", produces = "image/svg+xml")
	@ResponseBody
	String qrCode(ClinicAccount account, @PathVariable String linkId, Model model) {
		return QrCode.svg(this.addresses.client(link(account, linkId, model).clientSecret()));
	}

	@PostMapping("/links/{linkId}/revoke")
	String revoke(ClinicAccount account, @PathVariable String linkId, HttpServletRequest request, Model model) {
		ShareLink link = link(account, linkId, model);
		this.share.revoke(link);
		this.log.record(account.id(), AccessLog.Kind.LINK_REVOKED, link.clinicName(), request);
		return "redirect:/clinic/links/" + linkId + "?revoked";
	}

	@GetMapping("/links/{linkId}/delete")
	String confirmDelete(ClinicAccount account, @PathVariable String linkId, Model model) {
		link(account, linkId, model);
		return "share/confirm-delete";
	}

	@PostMapping("/links/{linkId}/delete")
	String delete(ClinicAccount account, @PathVariable String linkId, HttpServletRequest request, Model model) {
		ShareLink link = link(account, linkId, model);
		this.share.deleteLink(link);
		this.log.record(account.id(), AccessLog.Kind.LINK_DELETED, link.clinicName(), request);
		return "redirect:/clinic?linkDeleted";
	}

	/**
	 * The 0-based index of a page asked for as its number from 1, as the pager's links
	 * name it. Anything but a number is the first page, as a number out of range is the
	 * nearest page ({@link ShareService#page}): a typo in the address is no error.
	 */
	private static int pageIndex(String page) {
		try {
			return Math.max(0, Integer.parseInt(page.strip()) - 1);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The first and last time of a burst, as the dashboard's form posts them. */
	record BurstForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
	}

	/**
	 * Removes a burst's answers in one step: those of the link between its first and
	 * last. Only the dashboard's form posts here, with both times: without them it is a
	 * bad request, answered without an exception in the log.
	 */
	@PostMapping("/links/{linkId}/bursts/delete")
	String deleteBurst(ClinicAccount account, @PathVariable String linkId, BurstForm burst, BindingResult times,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		ShareLink link = link(account, linkId, model);
		if (times.hasErrors() || burst.from() == null || burst.to() == null || !withinTheLink(burst, link)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return null;
		}
		int deleted = this.share.deleteBetween(link, burst.from(), burst.to());
		this.log.record(account.id(), AccessLog.Kind.BURST_DELETED, deleted + " from " + link.clinicName(), request);
		return "redirect:/clinic?burstDeleted=" + deleted;
	}

	/**
	 * A burst lies within the link's life, first before last: any other pair of times
	 * (such as a year PostgreSQL cannot store) did not come from the dashboard.
	 */
	private boolean withinTheLink(BurstForm burst, ShareLink link) {
		// a second either side: the database rounds stored times to microseconds, up too
		return !burst.from().isAfter(burst.to()) && !burst.from().isBefore(link.createdAt().minus(SLACK))
				&& !burst.to().isAfter(this.share.now().plus(SLACK));
	}

	@GetMapping("/links/{linkId}/submissions.csv")
	ResponseEntity<byte[]> linkCsv(ClinicAccount account, @PathVariable String linkId, HttpServletRequest request,
			Model model) {
		ShareLink link = link(account, linkId, model);
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "CSV: " + link.clinicName(), request);
		return csv(this.share.submissions(link));
	}

	@GetMapping("/submissions.csv")
	ResponseEntity<byte[]> allCsv(ClinicAccount account, HttpServletRequest request) {
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "CSV: all links", request);
		return csv(this.share.allSubmissions(account.id()));
	}

	private ResponseEntity<byte[]> csv(List<Submission> submissions) {
		String csv = this.exports.csv(submissions, this.share::outcome);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"submissions.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/submissions/{id}")
	String submission(ClinicAccount account, @PathVariable String id, HttpServletRequest request, Model model) {
		Submission submission = this.share.submission(account.id(), id).orElseThrow(LinkNotFoundException::new);
		ShareLink link = this.share.linkOf(submission);
		CheckOutcome outcome = this.share.outcome(submission);
		model.addAttribute("link", link);
		model.addAttribute("submission", submission);
		model.addAttribute("answers", this.exports.labelledAnswers(submission, outcome));
		model.addAttribute("summary", ClinicianSummary.of(submission, outcome, this.exports));
		model.addAttribute("outcome", outcome);
		model.addAttribute("rulesGeneration", QuestionnaireVersion.of(submission).rules());
		if (submission.clientId() != null) {
			model.addAttribute("client", this.clients.clientById(account.id(), submission.clientId()).orElse(null));
		}
		else {
			// for moving answers of a clinic-wide link onto a client's timeline
			model.addAttribute("clients", this.clients.statuses(account.id()));
		}
		this.log.record(account.id(), AccessLog.Kind.SUBMISSION_VIEWED, submission.publicId(), request);
		return "share/submission";
	}

	@PostMapping("/submissions/{id}/delete")
	String deleteSubmission(ClinicAccount account, @PathVariable String id, HttpServletRequest request) {
		if (!this.share.deleteSubmission(account.id(), id)) {
			throw new LinkNotFoundException();
		}
		this.log.record(account.id(), AccessLog.Kind.SUBMISSION_DELETED, id, request);
		return "redirect:/clinic?deleted";
	}

	@GetMapping(path = "/submissions/{id}/fhir", produces = "application/fhir+json")
	@ResponseBody
	String fhir(ClinicAccount account, @PathVariable String id, HttpServletRequest request) {
		Submission submission = this.share.submission(account.id(), id).orElseThrow(LinkNotFoundException::new);
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "FHIR: " + submission.publicId(), request);
		return this.fhir.questionnaireResponse(submission, this.share.outcome(submission));
	}

	/**
	 * The address of a link made before accounts: no client data any more, only the offer
	 * to add the link to this account. Once added, or for any other secret, 404.
	 */
	@GetMapping("/{secret:[A-Za-z0-9_-]{43}}")
	String claimOffer(@PathVariable String secret, Model model) {
		ShareLink link = this.share.findUnclaimed(secret).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("link", link);
		model.addAttribute("secret", secret);
		return "share/claim";
	}

	@PostMapping("/{secret:[A-Za-z0-9_-]{43}}/claim")
	String claim(ClinicAccount account, @PathVariable String secret, HttpServletRequest request) {
		ShareLink link = this.share.claim(secret, account.id()).orElseThrow(LinkNotFoundException::new);
		this.log.record(account.id(), AccessLog.Kind.LINK_CLAIMED, link.clinicName(), request);
		return "redirect:/clinic/links/" + link.publicId() + "?claimed";
	}

	private ShareLink link(ClinicAccount account, String linkId, Model model) {
		ShareLink link = this.share.link(account.id(), linkId).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("link", link);
		model.addAttribute("linkPath", "/clinic/links/" + link.publicId());
		return link;
	}

	private List<TriageRow> rows(List<Submission> submissions, List<ShareLink> links, Map<Long, String> clients) {
		return submissions.stream()
			.map((submission) -> TriageRow.of(submission, nameOf(submission, links, clients),
					this.share.outcome(submission)))
			.toList();
	}

	/** Where an answer came from: its client's label, or its link's clinic name. */
	private static String nameOf(Submission submission, List<ShareLink> links, Map<Long, String> clients) {
		if (submission.clientId() != null && clients.containsKey(submission.clientId())) {
			return clients.get(submission.clientId());
		}
		return links.stream()
			.filter((link) -> link.id().equals(submission.shareLinkId()))
			.map(ShareLink::clinicName)
			.findFirst()
			.orElse("");
	}

}
