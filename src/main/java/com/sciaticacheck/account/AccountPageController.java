package com.sciaticacheck.account;

import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The account page: the account's details, its passkeys (added by the passkey script, see
 * {@link PasskeyRegistrations}; removed here), its trusted devices, signing out
 * everywhere, the emails it gets ({@link AlertPreferences}), and a link to the access
 * log. Every action is a plain form post, so the page works without JavaScript; only
 * adding a passkey needs it.
 */
@Controller
@RequestMapping("/clinic/account")
class AccountPageController {

	private final Passkeys passkeys;

	private final TrustedDevices devices;

	private final Accounts accounts;

	private final AccessLog log;

	private final AlertPreferences alerts;

	AccountPageController(Passkeys passkeys, TrustedDevices devices, Accounts accounts, AccessLog log,
			AlertPreferences alerts) {
		this.alerts = alerts;
		this.passkeys = passkeys;
		this.devices = devices;
		this.accounts = accounts;
		this.log = log;
	}

	@GetMapping
	String account(ClinicAccount account, HttpServletRequest request, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("passkeys", this.passkeys.of(account.email()));
		model.addAttribute("devices", this.devices.of(account.id(), request));
		model.addAttribute("labelMax", PasskeyRegistrations.LABEL_MAX);
		model.addAttribute("emails", this.alerts.of(account.id()).orElseThrow(NotInAccountException::new));
		// times in UTC, as on every clinic page
		model.addAttribute("utc", ZoneOffset.UTC);
		return "account/account";
	}

	/** Saves the email choices; recorded in the access log, as every change is. */
	@PostMapping("/emails")
	String saveEmails(ClinicAccount account, EmailChoicesForm form, HttpServletRequest request) {
		this.alerts.change(account.id(), form.alerts(), form.summary());
		this.log.record(account.id(), AccessLog.Kind.EMAILS_CHANGED, null, request);
		return "redirect:/clinic/account?emailsSaved#emails";
	}

	@PostMapping("/passkeys/{credentialId}/remove")
	String removePasskey(ClinicAccount account, @PathVariable String credentialId, HttpServletRequest request) {
		Passkeys.Passkey removed = this.passkeys.remove(account, credentialId).orElseThrow(NotInAccountException::new);
		this.log.record(account.id(), AccessLog.Kind.PASSKEY_REMOVED, removed.label(), request);
		return "redirect:/clinic/account?removed";
	}

	@PostMapping("/devices/{deviceId}/forget")
	String forgetDevice(ClinicAccount account, @PathVariable String deviceId, HttpServletRequest request) {
		String description = this.devices.forget(account.id(), deviceId).orElseThrow(NotInAccountException::new);
		this.log.record(account.id(), AccessLog.Kind.DEVICE_FORGOTTEN, description, request);
		return "redirect:/clinic/account?forgotten";
	}

	/**
	 * Ends every session of the account, this one included, and says so on the sign-in
	 * page. The event is recorded first, while this session still names the account.
	 */
	@PostMapping("/sign-out-everywhere")
	String signOutEverywhere(ClinicAccount account, HttpServletRequest request, HttpServletResponse response) {
		this.log.record(account.id(), AccessLog.Kind.SIGNED_OUT_EVERYWHERE, null, request);
		this.accounts.signOutEverywhere(account.email());
		// this session's row is gone already: invalidating it keeps the end of the
		// request
		// from writing it back
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/clinic/sign-in?signedOut";
	}

}
