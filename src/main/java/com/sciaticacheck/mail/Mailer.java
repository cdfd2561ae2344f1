package com.sciaticacheck.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail: by SMTP when {@code spring.mail.host} is set, else as one
 * {@code .eml} file per message under {@code sciatica.mail.folder}, in a folder only the
 * app's user may open (0700, files 0600). Neither way writes a message to the log.
 *
 * <p>
 * A deployment (the {@code postgres} profile) must have an SMTP server: without one its
 * physios could not confirm an address or reset a password, so it refuses to start.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class Mailer {

	private static final Log logger = LogFactory.getLog(Mailer.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender smtp;

	private final MailSettings settings;

	private final Clock clock;

	Mailer(ObjectProvider<JavaMailSender> smtp, MailSettings settings, Environment environment, Clock clock) {
		this.smtp = smtp.getIfAvailable();
		this.settings = settings;
		this.clock = clock;
		if (this.smtp == null && environment.matchesProfiles("postgres")) {
			throw new IllegalStateException("The postgres profile needs an SMTP server for account mail: set "
					+ "SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as needed)");
		}
		if (this.smtp == null) {
			logger.info("No SMTP server is set (spring.mail.host): mail to physios is written as .eml files under "
					+ settings.folder().toAbsolutePath().normalize());
		}
	}

	/**
	 * Sends one plain-text message. A failure is thrown, so the caller can say the mail
	 * could not be sent instead of claiming it was.
	 * @throws MailException if the SMTP server refused it or could not be reached
	 */
	public void send(String to, String subject, String text) {
		if (this.smtp != null) {
			MimeMessage message = this.smtp.createMimeMessage();
			fill(message, to, subject, text);
			this.smtp.send(message);
			return;
		}
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		fill(message, to, subject, text);
		writeFile(message);
	}

	private void fill(MimeMessage message, String to, String subject, String text) {
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text);
			helper.setSentDate(java.util.Date.from(this.clock.instant()));
		}
		catch (MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException("The message could not be built", ex);
		}
	}

	private void writeFile(MimeMessage message) {
		Path folder = this.settings.folder();
		try {
			createPrivateFolder(folder);
			Path file = folder.resolve(FILE_TIME.format(this.clock.instant()) + "-" + UUID.randomUUID() + ".eml");
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
				message.writeTo(out);
			}
		}
		catch (IOException | MessagingException ex) {
			throw new org.springframework.mail.MailSendException("The message could not be written to " + folder, ex);
		}
	}

	private static void createPrivateFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return;
		}
		try {
			Files.createDirectories(folder.getParent() != null ? folder.getParent() : Path.of("."));
			Files.createDirectory(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (FileAlreadyExistsException ex) {
			// made by another thread a moment ago
		}
		catch (UnsupportedOperationException ex) {
			throw new UncheckedIOException(new IOException("mail files need a POSIX file system", ex));
		}
	}

}
