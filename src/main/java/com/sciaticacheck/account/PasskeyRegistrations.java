package com.sciaticacheck.account;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around Spring Security's passkey registration ({@code POST /webauthn/register}):
 * refuses a passkey name that is missing, too long or hides formatting, and records
 * {@link AccessLog.Kind#PASSKEY_ADDED} for the passkey it added. It also keeps the
 * registration's options to a complete sign-in and refuses Spring's own removal.
 *
 * <p>
 * The registration happens inside {@code WebAuthnRegistrationFilter}, which answers the
 * request itself, so no filter after it ever runs, and the DSL offers no hook for a
 * success. This filter sits before it (before authorization, see
 * {@link ClinicSecurityConfiguration}) and compares the account's stored passkeys before
 * and after: a passkey that is there afterwards and was not before is the one added,
 * whatever status the answer had. Two registrations of one account at the same instant
 * could each record both passkeys; nobody adds two passkeys in the same millisecond.
 */
class PasskeyRegistrations extends OncePerRequestFilter {

	/** The longest passkey name, in characters. */
	static final int LABEL_MAX = 60;

	/**
	 * A registration is a few kilobytes (an attestation with a certificate chain at
	 * most); anything bigger is not one.
	 */
	private static final int BODY_MAX = 64 * 1024;

	private static final Pattern ONE_LINE_VISIBLE = Pattern.compile(SignUpForm.ONE_LINE_VISIBLE);

	private final RequestMatcher registration = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/webauthn/register");

	/**
	 * Spring answers the options of a registration before authorization, to any signed-in
	 * session: one still waiting for its new device's code would learn the account's
	 * passkey ids. Only a complete sign-in gets them.
	 */
	private final RequestMatcher options = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/webauthn/register/options");

	/**
	 * Spring's own removal of a passkey: refused, so a passkey goes only through the
	 * account page's form, which the access log records.
	 */
	private final RequestMatcher springRemoval = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.DELETE, "/webauthn/register/**");

	private final Accounts accounts;

	private final Passkeys passkeys;

	private final AccessLog log;

	private final JsonMapper json;

	PasskeyRegistrations(Accounts accounts, Passkeys passkeys, AccessLog log, JsonMapper json) {
		this.accounts = accounts;
		this.passkeys = passkeys;
		this.log = log;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !(this.registration.matches(request) || this.options.matches(request)
				|| this.springRemoval.matches(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (this.springRemoval.matches(request) || (this.options.matches(request) && !completeSignIn(authentication))) {
			response.sendError(HttpStatus.FORBIDDEN.value());
			return;
		}
		if (this.options.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Account account = completeSignIn(authentication) ? this.accounts.byEmail(authentication.getName()).orElse(null)
				: null;
		if (account == null) {
			// authorization, next, refuses it
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(BODY_MAX + 1);
		if (body.length > BODY_MAX) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		if (!acceptableLabel(label(body))) {
			// the script checks the name first: only a hand-made request gets here
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		Set<String> before = ids(account);
		chain.doFilter(new ReadBody(request, body), response);
		this.passkeys.of(account.email())
			.stream()
			.filter((passkey) -> !before.contains(passkey.id()))
			.forEach((added) -> this.log.record(account.id(), AccessLog.Kind.PASSKEY_ADDED, added.label(), request));
	}

	static boolean acceptableLabel(String label) {
		return label != null && !label.isBlank() && label.codePointCount(0, label.length()) <= LABEL_MAX
				&& ONE_LINE_VISIBLE.matcher(label).matches();
	}

	private String label(byte[] body) {
		try {
			JsonNode label = this.json.readTree(body).at("/publicKey/label");
			return label.isString() ? label.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private Set<String> ids(Account account) {
		return this.passkeys.of(account.email()).stream().map(Passkeys.Passkey::id).collect(Collectors.toSet());
	}

	private static boolean completeSignIn(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> SignIns.CLINIC.equals(a.getAuthority()));
	}

	/**
	 * The request with its body read already, for the registration filter to read again.
	 */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// a body replayed from memory, for blocking reads only: nothing here
					// reads it asynchronously, and a listener would never be called
					throw new IllegalStateException("The body was read already: read it without a listener");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
