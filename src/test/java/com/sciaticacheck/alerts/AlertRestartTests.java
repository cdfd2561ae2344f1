package com.sciaticacheck.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert outlives the app: the mail server is down when a client shares an urgent
 * result, the app stops and starts again on the same database, the server comes back, and
 * the physio receives exactly one mail.
 */
class AlertRestartTests {

	private static final String PHYSIO = "restart@riverside.example";

	@TempDir
	Path data;

	private final int smtpPort = AlertMailTests.freePort();

	private GreenMail smtp;

	@AfterEach
	void stopSmtp() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void anAlertLostToAMailOutageIsSentOnceAfterARestart() {
		String[] args = { "--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("sciatica-check")
						+ ";DB_CLOSE_ON_EXIT=FALSE",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtpPort,
				// the sweep runs when the test calls it
				"--sciatica.alerts.sweep-every=PT24H" };
		// the mail server is down: nothing listens on its port
		try (ConfigurableApplicationContext app = start(args)) {
			Browserless physio = new Browserless(port(app));
			ClinicAccounts.signIn(physio, app.getBean(JdbcTemplate.class), PHYSIO);
			ClinicLinks.Link link = ClinicLinks.create(physio, "Riverside Physio", "", 30);
			shareUrgent(new Browserless(port(app)), link.client());
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED'",
						Integer.class) == 1);
		}

		try (ConfigurableApplicationContext app = start(args)) {
			// started again: the alert is still to be sent, and tried again at once
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from event_publication", Integer.class)).isOne();
			this.smtp = new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			this.smtp.start();
			MutableClock clock = app.getBean(MutableClock.class);
			AlertSweep sweep = app.getBean(AlertSweep.class);
			// the sweep, as each minute: the try at the start may still be running, or
			// may have failed before the server was back
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				clock.advance(Duration.ofMinutes(2));
				sweep.retryUnhandled();
				assertThat(this.smtp.getReceivedMessages()).isNotEmpty();
			});
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
			clock.advance(Duration.ofMinutes(2));
			sweep.retryUnhandled();
			sweep.sweep();
			assertThat(this.smtp.getReceivedMessages()).singleElement().satisfies((mail) -> {
				assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(PHYSIO);
				assertThat(mail.getSubject()).isEqualTo("A client's check needs your attention");
				assertThat(GreenMailUtil.getBody(mail)).doesNotContain("U.R.");
			});
			assertThat(jdbc.queryForObject("select count(*) from urgent_alert", Integer.class)).isOne();
		}
	}

	private static ConfigurableApplicationContext start(String[] args) {
		return new SpringApplicationBuilder(SciaticaCheckApplication.class, TestClockConfiguration.class).run(args);
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	private static void shareUrgent(Browserless client, String link) {
		Map<String, String> urgent = RunnerFixture.calm()
			.inPain(Pain.ONE_LEG, 3, 6)
			.with(Question.WARNING_SIGNS, Set.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS))
			.page();
		client.get(link);
		client.get(link + "/assessment");
		client.post(link + "/safety", RunnerFixture.safetyNo());
		client.post(link + "/result", urgent);
		Map<String, String> decision = new LinkedHashMap<>(urgent);
		decision.put("share", "true");
		decision.put("reference", "U.R.");
		assertThat(client.post(link + "/consent", decision).status()).isEqualTo(302);
	}

}
