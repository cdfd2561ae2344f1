package com.sciaticacheck.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sciaticacheck.SciaticaCheckApplication;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mail both ways the app sends it: by SMTP to a real server (GreenMail, in this process),
 * and, without one, as files only the app's user can read, announced at start-up but
 * never written to the log. A deployment without SMTP does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailerTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@TempDir
	Path folder;

	private static final String BODY = "The code is 7f3a-distinctive-body";

	@Test
	void withoutSmtpMailIsAPrivateFileAndNeverInTheLog(CapturedOutput output) throws IOException {
		Path mail = this.folder.resolve("mail");
		try (ConfigurableApplicationContext app = app("--sciatica.mail.folder=" + mail)) {
			app.getBean(Mailer.class).send("physio@example.org", "Your sign-in code", BODY);
		}
		List<Path> files;
		try (var listed = Files.list(mail)) {
			files = listed.toList();
		}
		assertThat(files).singleElement().satisfies((file) -> {
			assertThat(file.getFileName().toString()).endsWith(".eml");
			assertThat(Files.readString(file)).contains("To: physio@example.org", "Subject: Your sign-in code", BODY);
			assertThat(Files.getPosixFilePermissions(file))
				.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		});
		assertThat(Files.getPosixFilePermissions(mail)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
		assertThat(output.getAll()).contains("mail to physios is written as .eml files under")
			.doesNotContain(BODY)
			.doesNotContain("Your sign-in code");
	}

	@Test
	void withSmtpTheServerReceivesIt(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = app("--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--sciatica.mail.folder=" + this.folder)) {
			app.getBean(Mailer.class).send("physio@example.org", "Your sign-in code", BODY);
		}
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("Your sign-in code");
		assertThat(GreenMailUtil.getBody(received[0])).contains(BODY);
		try (var listed = Files.list(this.folder)) {
			assertThat(listed).isEmpty();
		}
		assertThat(output.getAll()).doesNotContain(BODY).doesNotContain(".eml files");
	}

	@Test
	void aDeploymentWithoutSmtpRefusesToStart() {
		assertThatThrownBy(() -> app("--spring.profiles.active=postgres",
				"--spring.datasource.url=jdbc:h2:mem:mailer-postgres;MODE=PostgreSQL",
				"--spring.datasource.username=sa")
			.close()).hasStackTraceContaining("The postgres profile needs an SMTP server");
	}

	private static ConfigurableApplicationContext app(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.datasource.url=jdbc:h2:mem:mailer-" + System.nanoTime();
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		// a later --spring.datasource.url wins over the one above
		return new SpringApplicationBuilder(SciaticaCheckApplication.class).run(all);
	}

}
