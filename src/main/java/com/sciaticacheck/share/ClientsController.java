package com.sciaticacheck.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.sciaticacheck.account.AccessLog;
import com.sciaticacheck.account.ClinicAccount;
import com.sciaticacheck.system.CompleteValidation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
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
 * A physio's clients, inside the account: the list with the form that adds one, and each
 * client's page with their personal link and QR code, follow-up, timeline (the chart, the
 * same figures in a table, and what changed between the last two checks), exports and
 * delete. Every look-up is by the signed-in account: another account's client is not
 * found (404). Views, exports, moves and deletions go in the account's access log, which
 * names clients by their public id only: a label is the physio's key to a person, and the
 * log outlives a deleted client.
 */
@Controller
@RequestMapping("/clinic")
class ClientsController {

	private static final String LIST_VIEW = "share/clients";

	private final Clients clients;

	private final ClientTimelines timelines;

	private final ClientExports exports;

	private final ShareService share;

	private final LinkAddresses addresses;

	private final CompleteValidation validation;

	private final MessageSource messages;

	private final AccessLog log;

	ClientsController(Clients clients, ClientTimelines timelines, ClientExports exports, ShareService share,
			LinkAddresses addresses, CompleteValidation validation, MessageSource messages, AccessLog log) {
		this.clients = clients;
		this.timelines = timelines;
		this.exports = exports;
		this.share = share;
		this.addresses = addresses;
		this.validation = validation;
		this.messages = messages;
		this.log = log;
	}

	@GetMapping("/clients")
	String list(ClinicAccount account, Model model) {
		model.addAttribute("clientForm", ClientForm.blank());
		return listPage(account, model);
	}

	@PostMapping("/clients")
	String add(ClinicAccount account, @Valid ClientForm clientForm, BindingResult result, HttpServletRequest request,
			Model model) {
		this.validation.afterConversionErrors(clientForm, result);
		if (result.hasErrors()) {
			return listPage(account, model);
		}
		Client client;
		try {
			client = this.clients.add(account, clientForm).orElse(null);
		}
		catch (DbActionExecutionException | DataIntegrityViolationException ex) {
			// the same label added at the same moment, such as by a double click
			client = null;
		}
		if (client == null) {
			result.rejectValue("label", "clinic.client.label.taken");
			return listPage(account, model);
		}
		this.log.record(account.id(), AccessLog.Kind.CLIENT_ADDED, client.publicId(), request);
		return "redirect:/clinic/clients/" + client.publicId() + "?added";
	}

	private String listPage(ClinicAccount account, Model model) {
		model.addAttribute("statuses", this.clients.statuses(account.id()));
		model.addAttribute("followUpOptions", Client.FOLLOW_UP_WEEKS);
		return LIST_VIEW;
	}

	@GetMapping("/clients/{clientId}")
	String client(ClinicAccount account, @PathVariable String clientId, HttpServletRequest request, Model model) {
		Client client = client(account, clientId, model);
		ClientTimeline timeline = this.timelines.of(this.clients.checks(client));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("status", this.clients.status(client));
		this.clients.link(client).ifPresent((link) -> {
			model.addAttribute("link", link);
			model.addAttribute("linkStatus", this.share.status(link));
			model.addAttribute("clientUrl", this.addresses.client(link.clientSecret()));
			model.addAttribute("retainedUntil", this.share.retainedUntil(link));
		});
		model.addAttribute("timeline", timeline);
		model.addAttribute("chart", new TimelineChart(this.messages, locale).svg(timeline.points()));
		model.addAttribute("trend", TimelineTrend.describe(timeline.points(),
				(key, arguments) -> this.messages.getMessage(key, arguments, locale)));
		model.addAttribute("change", timeline.lastChange());
		model.addAttribute("followUpOptions", Client.FOLLOW_UP_WEEKS);
		model.addAttribute("newLinkDays", ClientForm.DEFAULT_DAYS);
		this.log.record(account.id(), AccessLog.Kind.CLIENT_VIEWED, client.publicId(), request);
		return "share/client";
	}

	@GetMapping(path = "/clients/{clientId}/qr.svg", produces = "image/svg+xml")
	@ResponseBody
	String qrCode(ClinicAccount account, @PathVariable String clientId, Model model) {
		ShareLink link = this.clients.link(client(account, clientId, model)).orElseThrow(LinkNotFoundException::new);
		return QrCode.svg(this.addresses.client(link.clientSecret()));
	}

	/**
	 * Sets how often the client is asked for a check. Only the page's choices are taken:
	 * anything else is a bad request.
	 */
	@PostMapping("/clients/{clientId}/follow-up")
	String followUp(ClinicAccount account, @PathVariable String clientId,
			@RequestParam(defaultValue = "") String followUp, HttpServletResponse response, Model model)
			throws IOException {
		Client client = client(account, clientId, model);
		if (!followUp.matches(ClientForm.FOLLOW_UP)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return null;
		}
		this.clients.setFollowUp(client, followUp.equals("none") ? null : Integer.valueOf(followUp));
		return "redirect:/clinic/clients/" + client.publicId() + "?followUpSaved";
	}

	/**
	 * A new personal link for the client, once their link has ended or was closed; their
	 * timeline stays as it is.
	 */
	@PostMapping("/clients/{clientId}/link")
	String newLink(ClinicAccount account, @PathVariable String clientId, @RequestParam(defaultValue = "") String days,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Client client = client(account, clientId, model);
		boolean open = this.clients.link(client)
			.filter((link) -> this.share.status(link) == ShareLink.Status.OPEN)
			.isPresent();
		if (open || !days.matches("\\d{1,3}") || Integer.parseInt(days) < 7 || Integer.parseInt(days) > 365) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return null;
		}
		this.clients.newLink(account, client, Integer.parseInt(days));
		this.log.record(account.id(), AccessLog.Kind.LINK_CREATED, "client " + client.publicId(), request);
		return "redirect:/clinic/clients/" + client.publicId() + "?newLink";
	}

	@GetMapping("/clients/{clientId}/delete")
	String confirmDelete(ClinicAccount account, @PathVariable String clientId, Model model) {
		client(account, clientId, model);
		return "share/confirm-delete-client";
	}

	@PostMapping("/clients/{clientId}/delete")
	String delete(ClinicAccount account, @PathVariable String clientId, HttpServletRequest request, Model model) {
		Client client = client(account, clientId, model);
		this.clients.delete(client);
		this.log.record(account.id(), AccessLog.Kind.CLIENT_DELETED, client.publicId(), request);
		return "redirect:/clinic/clients?deleted";
	}

	@GetMapping("/clients/{clientId}/timeline.csv")
	ResponseEntity<byte[]> csv(ClinicAccount account, @PathVariable String clientId, HttpServletRequest request,
			Model model) {
		Client client = client(account, clientId, model);
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "CSV: client " + client.publicId(), request);
		String csv = this.exports.csv(this.timelines.of(this.clients.checks(client)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"timeline.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/clients/{clientId}/fhir", produces = "application/fhir+json")
	@ResponseBody
	String fhir(ClinicAccount account, @PathVariable String clientId, HttpServletRequest request, Model model) {
		Client client = client(account, clientId, model);
		this.log.record(account.id(), AccessLog.Kind.EXPORTED, "FHIR: client " + client.publicId(), request);
		return this.exports.fhirBundle(client, this.timelines.of(this.clients.checks(client)));
	}

	/**
	 * Puts an answer shared through a clinic-wide link on a client's timeline. Both must
	 * be the account's (else 404); an answer on a timeline already stays (409).
	 */
	@PostMapping("/submissions/{id}/client")
	String move(ClinicAccount account, @PathVariable String id, @RequestParam(defaultValue = "") String client,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Clients.Move moved = this.clients.move(account.id(), id, client);
		if (moved == Clients.Move.NOT_FOUND) {
			throw new LinkNotFoundException();
		}
		if (moved == Clients.Move.ALREADY_ON_A_TIMELINE) {
			response.sendError(HttpStatus.CONFLICT.value());
			return null;
		}
		this.log.record(account.id(), AccessLog.Kind.SUBMISSION_MOVED, id + " to client " + client, request);
		return "redirect:/clinic/submissions/" + id + "?moved";
	}

	private Client client(ClinicAccount account, String clientId, Model model) {
		Client client = this.clients.client(account.id(), clientId).orElseThrow(LinkNotFoundException::new);
		model.addAttribute("client", client);
		model.addAttribute("clientPath", "/clinic/clients/" + client.publicId());
		return client;
	}

}
