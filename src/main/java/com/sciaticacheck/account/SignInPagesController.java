package com.sciaticacheck.account;

import java.io.IOException;

import com.sciaticacheck.system.ClientAddress;
import com.sciaticacheck.system.RateLimiter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages before a complete sign-in: sign in (passkey or password), sign up, confirm
 * the address, "forgot password", a new password, and the code of a new device. Links in
 * mail open a page with a button, never an action: mail scanners open links, and must not
 * use a single-use token up.
 */
@Controller
@RequestMapping("/clinic")
class SignInPagesController {

	private final Accounts accounts;

	private final PasswordPolicy policy;

	private final TrustedDevices devices;

	private final SignIns signIns;

	private final AccessLog log;

	private final RateLimiter limiter;

	private final AccountSettings settings;

	SignInPagesController(Accounts accounts, PasswordPolicy policy, TrustedDevices devices, SignIns signIns,
			AccessLog log, RateLimiter limiter, AccountSettings settings) {
		this.accounts = accounts;
		this.policy = policy;
		this.devices = devices;
		this.signIns = signIns;
		this.log = log;
		this.limiter = limiter;
		this.settings = settings;
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(name = "error", required = false) String error, Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> SignIns.CLINIC.equals(authority.getAuthority()))) {
			// signed in already, say from a bookmark: straight on
			return "redirect:/clinic";
		}
		model.addAttribute("failed", error != null);
		return "account/sign-in";
	}

	/** Where {@link SignInLimit} forwards a refused attempt. */
	@RequestMapping("/sign-in/limited")
	String limited(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		Object minutes = request.getAttribute(SignInLimit.RETRY_MINUTES);
		model.addAttribute("retryMinutes", (minutes != null) ? minutes : 15);
		return "account/sign-in-limited";
	}

	@GetMapping("/sign-up")
	String signUp(Model model) {
		model.addAttribute("signUpForm", SignUpForm.blank());
		return "account/sign-up";
	}

	@PostMapping("/sign-up")
	String signUp(@Valid SignUpForm signUpForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		checkPassword(signUpForm.password(), result);
		if (result.hasErrors()) {
			return "account/sign-up";
		}
		if (!mailAllowed(request, response, model)) {
			return "account/sign-up";
		}
		try {
			this.accounts.signUp(signUpForm.displayName(), signUpForm.email(), signUpForm.password());
		}
		catch (MailException ex) {
			return mailFailed(response, model, "account/sign-up");
		}
		return "redirect:/clinic/sign-up/sent";
	}

	@GetMapping("/sign-up/sent")
	String signUpSent() {
		return "account/sign-up-sent";
	}

	@GetMapping("/confirm")
	String confirm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "account/confirm";
	}

	/**
	 * Confirms the address and trusts this browser: whoever opened the mail's link here
	 * holds the mailbox, which is what a new device's code proves too.
	 */
	@PostMapping("/confirm")
	String confirmed(@RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return this.accounts.confirm(token).map((account) -> {
			this.devices.trust(account.id(), request, response);
			return "redirect:/clinic/sign-in?confirmed";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("failed", true);
			return "account/confirm";
		});
	}

	@GetMapping("/forgot-password")
	String forgotPassword(Model model) {
		model.addAttribute("emailForm", new EmailForm(null));
		return "account/forgot-password";
	}

	@PostMapping("/forgot-password")
	String forgotPassword(@Valid EmailForm emailForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (result.hasErrors() || !mailAllowed(request, response, model)) {
			return "account/forgot-password";
		}
		try {
			this.accounts.requestReset(emailForm.email());
		}
		catch (MailException ex) {
			return mailFailed(response, model, "account/forgot-password");
		}
		model.addAttribute("sent", true);
		return "account/forgot-password";
	}

	@GetMapping("/reset-password")
	String resetPassword(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		if (!this.accounts.isResetTokenUsable(token)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("failed", true);
		}
		model.addAttribute("newPasswordForm", new NewPasswordForm(token, null));
		return "account/reset-password";
	}

	@PostMapping("/reset-password")
	String resetPassword(@Valid NewPasswordForm newPasswordForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		checkPassword(newPasswordForm.password(), result);
		if (result.hasErrors()) {
			return "account/reset-password";
		}
		return this.accounts.resetPassword(newPasswordForm.token(), newPasswordForm.password()).map((account) -> {
			this.log.record(account.id(), AccessLog.Kind.PASSWORD_RESET, null, request);
			return "redirect:/clinic/sign-in?reset";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("failed", true);
			return "account/reset-password";
		});
	}

	@GetMapping(SignIns.DEVICE_PATH)
	String deviceCode(Model model) {
		model.addAttribute("deviceCodeForm", new DeviceCodeForm(null));
		return "account/device-code";
	}

	@PostMapping(SignIns.DEVICE_PATH)
	String deviceCode(@Valid DeviceCodeForm deviceCodeForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		if (result.hasErrors()) {
			return "account/device-code";
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Account account = this.accounts.byEmail(authentication.getName()).orElseThrow();
		if (!this.accounts.confirmDevice(account.id(), deviceCodeForm.code().strip())) {
			result.rejectValue("code", "account.code.wrong");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "account/device-code";
		}
		this.signIns.deviceConfirmed(account, new PathOnlyRequestCache(), request, response);
		return null;
	}

	/**
	 * The mail server did not take the message: the page says so and keeps the answers,
	 * instead of claiming a mail is on its way.
	 */
	private static String mailFailed(HttpServletResponse response, Model model, String view) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		model.addAttribute("mailFailed", true);
		return view;
	}

	/** A new password's problem, next to its field, unless it already has one there. */
	private void checkPassword(String password, BindingResult result) {
		this.policy.problem(password).ifPresent((key) -> {
			if (!result.hasFieldErrors("password")) {
				result.rejectValue("password", key);
			}
		});
	}

	/**
	 * Mail sent on a stranger's say-so (sign-up, "forgot password") is limited per client
	 * address, so the app cannot be used to flood an inbox.
	 */
	private boolean mailAllowed(HttpServletRequest request, HttpServletResponse response, Model model) {
		RateLimiter.Decision decision = this.limiter.tryAcquire(
				"account-mail:" + ClientAddress.key(request.getRemoteAddr()), this.settings.signInsPerAddress(),
				this.settings.signInWindow());
		if (decision.granted()) {
			return true;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		model.addAttribute("retryMinutes", (decision.retryAfterSeconds() + 59) / 60);
		return false;
	}

}
