package com.sciaticacheck.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.sciaticacheck.mail.Mailer;
import com.sciaticacheck.system.PublicAddress;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The words of alert and summary mails. They say how many checks and where to sign in,
 * never who the client is, what they answered or what the result said: mail is not a safe
 * place for health data, and the clinic pages behind the sign-in are.
 */
@Component
class AlertMail {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final Mailer mailer;

	private final MessageSource messages;

	private final PublicAddress address;

	AlertMail(Mailer mailer, MessageSource messages, PublicAddress address) {
		this.mailer = mailer;
		this.messages = messages;
		this.address = address;
	}

	/**
	 * Tells the account that {@code checks} urgent results wait for it.
	 * @throws AlertNotSentException if the mail server did not take it
	 */
	void urgent(String to, int checks) {
		if (checks == 1) {
			send(to, this.messages.getMessage("alert.mail.one.subject", null, Locale.ENGLISH),
					this.messages.getMessage("alert.mail.one.body", new Object[] { signIn() }, Locale.ENGLISH));
		}
		else {
			send(to, this.messages.getMessage("alert.mail.many.subject", new Object[] { checks }, Locale.ENGLISH),
					this.messages.getMessage("alert.mail.many.body", new Object[] { checks, signIn() },
							Locale.ENGLISH));
		}
	}

	/**
	 * Tells the account how many answers were shared with it on a day (UTC).
	 * @throws AlertNotSentException if the mail server did not take it
	 */
	void summary(String to, LocalDate day, int answers) {
		String date = DAY.format(day);
		send(to, this.messages.getMessage("alert.summary.subject", new Object[] { date }, Locale.ENGLISH), this.messages
			.getMessage("alert.summary.body", new Object[] { answers, date, signIn() }, Locale.ENGLISH));
	}

	private String signIn() {
		return this.address.backgroundBaseUrl() + "/clinic/sign-in";
	}

	private void send(String to, String subject, String text) {
		try {
			this.mailer.send(to, subject, text);
		}
		catch (MailException ex) {
			throw new AlertNotSentException(ex);
		}
	}

}
