package com.sciaticacheck.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail comes from and, without an SMTP server, where it is written.
 *
 * @param from the sender, such as {@code Sciatica Check <no-reply@example.org>}
 * @param folder the folder for {@code .eml} files when no SMTP server is set
 */
@ConfigurationProperties("sciatica.mail")
record MailSettings(@DefaultValue("Sciatica Check <no-reply@localhost>") String from,
		@DefaultValue("./data/mail") Path folder) {

}
