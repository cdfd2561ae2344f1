package com.sciaticacheck.account;

import java.util.Locale;
import java.util.Optional;

import com.sciaticacheck.mail.Mailer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import com.sciaticacheck.system.PublicAddress;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their emailed steps: sign-up and confirming the address, "forgot
 * password", confirming a new device, and signing out everywhere. Whether an address has
 * an account is never told to whoever asks: sign-up and "forgot password" answer the same
 * either way, and the mail says what happened.
 */
@Service
class Accounts {

	private static final Log logger = LogFactory.getLog(Accounts.class);

	private final AccountRepository accounts;

	private final EmailedTokens tokens;

	private final PasswordEncoder passwords;

	private final Mailer mailer;

	private final MessageSource messages;

	private final PublicAddress address;

	private final AccountSettings settings;

	private final TrustedDevices devices;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApiTokens apiTokens;

	private final Passkeys passkeys;

	Accounts(AccountRepository accounts, EmailedTokens tokens, PasswordEncoder passwords, Mailer mailer,
			MessageSource messages, PublicAddress address, AccountSettings settings, TrustedDevices devices,
			FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokens apiTokens, Passkeys passkeys) {
		this.apiTokens = apiTokens;
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mailer = mailer;
		this.messages = messages;
		this.address = address;
		this.settings = settings;
		this.devices = devices;
		this.sessions = sessions;
	}

	/** Addresses are compared and stored in lower case, without surrounding spaces. */
	static String normalise(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	Optional<Account> byEmail(String email) {
		return this.accounts.findByEmail(normalise(email));
	}

	Optional<Account> byId(long id) {
		return this.accounts.findById(id);
	}

	/**
	 * Creates an unconfirmed account and mails the confirmation link. For an address that
	 * already has an account, its holder is told by mail instead (or, if it was never
	 * confirmed, sent a new link), and the page says the same as for a new one. Not one
	 * transaction: a sign-up that loses the race for a new address to another gets the
	 * duplicate key on its own insert, and stops there.
	 */
	void signUp(String displayName, String email, String password) {
		String normalised = normalise(email);
		// hashed first whatever follows, so the answer takes as long for an address with
		// an
		// account as for one without
		String passwordHash = this.passwords.encode(password);
		Optional<Account> existing = this.accounts.findByEmail(normalised);
		if (existing.isPresent() && existing.get().confirmed()) {
			mail(normalised, "account.mail.exists", this.address.baseUrl() + "/clinic/sign-in",
					this.address.baseUrl() + "/clinic/forgot-password");
			return;
		}
		Account account;
		if (existing.isPresent()) {
			// never confirmed: the newest sign-up's name and password count, and only the
			// newest mail's link works. Whoever typed them still cannot get in without
			// the
			// mailbox: a new device needs the code mailed to it.
			account = existing.get();
			this.accounts.replaceUnconfirmed(account.id(), displayName.strip(), passwordHash);
		}
		else {
			try {
				account = this.accounts
					.save(new Account(null, normalised, displayName.strip(), passwordHash, null, this.tokens.now()));
			}
			catch (DuplicateKeyException ex) {
				// the same address signed up twice at once: the first one's mail is on
				// its way
				return;
			}
		}
		String token = this.tokens.issue(account.id(), EmailedTokens.Purpose.CONFIRM_EMAIL,
				this.settings.confirmationLinkLifetime());
		mail(normalised, "account.mail.confirm", this.address.baseUrl() + "/clinic/confirm?token=" + token,
				this.settings.confirmationLinkLifetime().toHours());
	}

	/** Confirms the address the token was sent to; the token is used up. */
	@Transactional
	Optional<Account> confirm(String token) {
		return this.tokens.consume(token, EmailedTokens.Purpose.CONFIRM_EMAIL).flatMap((id) -> {
			this.accounts.confirm(id, this.tokens.now());
			return this.accounts.findById(id);
		});
	}

	/**
	 * Mails a reset link if the address has a confirmed account; says nothing either way.
	 */
	@Transactional
	void requestReset(String email) {
		Optional<Account> account = byEmail(email).filter(Account::confirmed);
		if (account.isEmpty()) {
			return;
		}
		String token = this.tokens.issue(account.get().id(), EmailedTokens.Purpose.RESET_PASSWORD,
				this.settings.resetLinkLifetime());
		mail(account.get().email(), "account.mail.reset",
				this.address.baseUrl() + "/clinic/reset-password?token=" + token,
				this.settings.resetLinkLifetime().toMinutes());
	}

	boolean isResetTokenUsable(String token) {
		return this.tokens.isUsable(token, EmailedTokens.Purpose.RESET_PASSWORD);
	}

	/**
	 * Sets the new password if the token is good, then signs the account out everywhere,
	 * forgets its trusted devices, removes its passkeys and revokes its API tokens:
	 * whoever knew the old password is out, and keeps no passkey or token they made with
	 * it.
	 */
	@Transactional
	Optional<Account> resetPassword(String token, String newPassword) {
		Optional<Account> account = this.tokens.consume(token, EmailedTokens.Purpose.RESET_PASSWORD)
			.flatMap(this.accounts::findById);
		account.ifPresent((found) -> {
			this.accounts.changePassword(found.id(), this.passwords.encode(newPassword));
			this.devices.forgetAll(found.id());
			this.apiTokens.revokeAll(found.id());
			// a passkey someone else added while they were in would let them straight
			// back
			this.passkeys.removeAll(found.email());
			signOutEverywhere(found.email());
			notice(found.email(), "account.mail.passwordChanged", this.address.baseUrl() + "/clinic/forgot-password");
		});
		return account;
	}

	/** Mails the code that confirms a new device after a password sign-in. */
	void sendDeviceCode(Account account) {
		String code = this.tokens.issue(account.id(), EmailedTokens.Purpose.NEW_DEVICE,
				this.settings.deviceCodeLifetime());
		mail(account.email(), "account.mail.deviceCode", code, this.settings.deviceCodeLifetime().toMinutes(),
				this.address.baseUrl() + "/clinic/forgot-password");
	}

	/** Whether the code is the account's current one; it is used up either way. */
	boolean confirmDevice(long accountId, String code) {
		return this.tokens.consume(code, EmailedTokens.Purpose.NEW_DEVICE).filter((id) -> id == accountId).isPresent();
	}

	/** Ends every session of the account, on every instance (they share the database). */
	void signOutEverywhere(String email) {
		this.sessions.findByPrincipalName(email).keySet().forEach(this.sessions::deleteById);
	}

	/**
	 * A notice that must not undo what it reports: the password is changed whether or not
	 * the mail server takes the notice, and the log says only that one was lost.
	 */
	private void notice(String to, String key, Object... arguments) {
		try {
			mail(to, key, arguments);
		}
		catch (MailException ex) {
			logger.warn(
					"A notice to an account holder could not be sent (" + key + "): " + ex.getClass().getSimpleName());
		}
	}

	private void mail(String to, String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		this.mailer.send(to, this.messages.getMessage(key + ".subject", null, locale),
				this.messages.getMessage(key + ".body", arguments, locale));
	}

}
