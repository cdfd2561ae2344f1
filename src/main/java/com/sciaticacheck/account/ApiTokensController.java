package com.sciaticacheck.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The account's personal access tokens for the links API: the list with each one's last
 * use, a form for a new one, and revoking. A new token is shown once, in the answer to
 * the form: never in an address, a session or a later page.
 */
@Controller
@RequestMapping(ApiTokensController.PATH)
class ApiTokensController {

	static final String PATH = "/clinic/account/tokens";

	private static final String VIEW = "account/tokens";

	private final ApiTokens tokens;

	private final AccessLog log;

	ApiTokensController(ApiTokens tokens, AccessLog log) {
		this.tokens = tokens;
		this.log = log;
	}

	@GetMapping
	String tokens(ClinicAccount account, Model model) {
		model.addAttribute("newTokenForm", NewTokenForm.blank());
		return list(account, model);
	}

	@PostMapping
	String create(ClinicAccount account, @Valid NewTokenForm newTokenForm, BindingResult result,
			HttpServletRequest request, Model model) {
		if (result.hasErrors()) {
			return list(account, model);
		}
		Optional<ApiTokens.Created> created = this.tokens.create(account.id(), newTokenForm.name());
		if (created.isEmpty()) {
			result.rejectValue("name", "tokens.tooMany", new Object[] { ApiTokens.MAX_PER_ACCOUNT }, null);
			return list(account, model);
		}
		this.log.record(account.id(), AccessLog.Kind.TOKEN_CREATED, created.get().token().name(), request);
		model.addAttribute("created", created.get());
		return "account/token-created";
	}

	@PostMapping("/{publicId}/revoke")
	String revoke(ClinicAccount account, @PathVariable String publicId, HttpServletRequest request) {
		String name = this.tokens.revoke(account.id(), publicId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.log.record(account.id(), AccessLog.Kind.TOKEN_REVOKED, name, request);
		return "redirect:" + PATH + "?revoked";
	}

	private String list(ClinicAccount account, Model model) {
		model.addAttribute("tokens", this.tokens.list(account.id()));
		model.addAttribute("maxTokens", ApiTokens.MAX_PER_ACCOUNT);
		return VIEW;
	}

}
