package com.sciaticacheck.alerts;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.ClinicLinks.Link;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.TestClockConfiguration;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert mails as a physio gets them, over real HTTP and real SMTP (GreenMail on a port of
 * its own, which a test stops and starts as a mail server goes down and comes back): a
 * client shares an urgent result, and the account's inbox gets one mail that says to sign
 * in and nothing about the client; routine results and accounts that turned alerts off
 * get none; a burst is one mail, then one counting the rest when the window ends; the
 * daily summary goes once a day; an alert whose mail server was down is sent once when it
 * is back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class AlertMailTests {

	static final String PHYSIO = "alerts@riverside.example";

	/** A fixed port, so the server comes back where the app sends. */
	static final int SMTP_PORT = freePort();

	static GreenMail smtp = startSmtp();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	AlertSweep sweep;

	Browserless physio;

	Link link;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void cleanStart() throws Exception {
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
		this.jdbc.update("delete from event_publication");
		ClinicAccounts.deleteAll(this.jdbc);
		this.jdbc.update("delete from urgent_alert");
		this.clock.set(Instant.now());
		smtp.purgeEmailFromAllMailboxes();
		this.physio = new Browserless(this.port);
		ClinicAccounts.signIn(this.physio, this.jdbc, PHYSIO);
		this.link = ClinicLinks.create(this.physio, "Riverside Physio", "", 30);
	}

	@AfterEach
	void serverBackUp() {
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void anUrgentResultMailsTheAccountOnceWithoutHealthData() throws Exception {
		Browserless client = new Browserless(this.port);
		Browserless.Page shared = shareUrgent(client, "U.R. 1984");
		String resultPage = ClinicLinks.path(shared.location());
		// the client's own page still says to get help first, whatever the clinic is told
		assertThat(client.get(resultPage).document().text()).contains("The clinic may not see your answers today",
				"Do not wait for them: get help first");

		MimeMessage alert = awaitMails(1).get(0);
		assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(PHYSIO);
		assertThat(alert.getSubject()).isEqualTo("A client's check needs your attention");
		String body = GreenMailUtil.getBody(alert);
		assertThat(body).contains("A client's check needs your attention",
				"http://localhost:" + this.port + "/clinic/sign-in",
				"The client was told to get help first, and not to wait for you.");
		String publicId = this.jdbc.queryForObject("select public_id from submission", String.class);
		// no client reference, answers, tier or reasons, and no way to the submission
		// itself
		assertThat(body).doesNotContain("U.R.", "1984", publicId, "/clinic/submissions", this.link.publicId(),
				this.link.client(), resultPage, "weight", "Weight", "URGENT", "urgent", "Urgent", "today:", "A&E",
				"leg", "pain", "score", "Riverside Physio");

		awaitHandled(1);
		assertThat(smtp.getReceivedMessages()).as("the alert is handled once").hasSize(1);
		// redelivered, as after a crash: the key stops a second mail
		this.clock.advance(Duration.ofMinutes(20));
		this.jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, "
				+ "publication_date, status, completion_attempts) values (random_uuid(), ?, ?, ?, ?, 'FAILED', 1)",
				UrgentAlerts.LISTENER_ID, com.sciaticacheck.share.UrgentResultShared.class.getName(),
				"{\"submissionId\":" + this.jdbc.queryForObject("select id from submission", Long.class)
						+ ",\"accountId\":" + ClinicAccounts.account(this.jdbc, PHYSIO) + "}",
				java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(5))));
		this.sweep.retryUnhandled();
		awaitHandled(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aRoutineResultMailsNothing() {
		Browserless client = new Browserless(this.port);
		assertThat(share(client, RunnerFixture.calm().page(), "R.O.").status()).isEqualTo(302);
		assertThat(count("submission")).isOne();
		assertThat(count("event_publication")).as("no alert is even stored").isZero();
		// an urgent one after it: its mail is the only one
		shareUrgent(new Browserless(this.port), "U.R.");
		awaitMails(1);
		awaitHandled(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void anAccountThatTurnedAlertsOffGetsNone() {
		Document account = this.physio.get("/clinic/account").document();
		assertThat(account.getElementById("urgentAlerts").hasAttr("checked")).as("alerts on by default").isTrue();
		assertThat(account.getElementById("dailySummary").hasAttr("checked")).as("summary off by default").isFalse();
		assertThat(account.selectFirst("label[for=urgentAlerts]").text())
			.isEqualTo("When a client shares a check that says to get help now or today");

		// both boxes unticked: a browser sends neither
		Browserless.Page saved = this.physio.post("/clinic/account/emails", Map.of());
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/clinic/account?emailsSaved#emails");
		Document after = this.physio.get("/clinic/account?emailsSaved").document();
		assertThat(after.selectFirst(".notice-success").text()).isEqualTo("Your email choices are saved.");
		assertThat(after.getElementById("urgentAlerts").hasAttr("checked")).isFalse();
		assertThat(this.physio.get("/clinic/account/activity").document().text()).contains("Email choices changed");

		shareUrgent(new Browserless(this.port), "U.R.");
		awaitHandled(1);
		this.clock.advance(Duration.ofDays(1));
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void aBurstIsOneMailNowAndOneCountingTheRestWhenTheWindowEnds() throws Exception {
		Instant first = this.clock.instant();
		for (int i = 0; i < 3; i++) {
			shareUrgent(new Browserless(this.port), "B." + i);
			awaitHandled(i + 1);
			this.clock.advance(Duration.ofMinutes(4));
		}
		assertThat(awaitMails(1).get(0).getSubject()).isEqualTo("A client's check needs your attention");

		// the window is still open: nothing more
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).hasSize(1);

		this.clock.set(first.plus(Duration.ofMinutes(15)).plusSeconds(1));
		this.sweep.sweep();
		List<MimeMessage> mails = awaitMails(2);
		assertThat(subject(mails.get(1))).isEqualTo("2 checks need your attention");
		assertThat(GreenMailUtil.getBody(mails.get(1))).contains("2 checks shared with you need your attention")
			.doesNotContain("B.0", "B.1", "B.2");
		this.sweep.sweep();
		this.clock.advance(Duration.ofMinutes(30));
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).as("the count is mailed once").hasSize(2);

		// a new urgent result after the window: mailed at once again
		shareUrgent(new Browserless(this.port), "B.3");
		assertThat(subject(awaitMails(3).get(2))).isEqualTo("A client's check needs your attention");
	}

	@Test
	void theDailySummaryIsSentOnceADayWhoeverSweeps() throws Exception {
		this.physio.get("/clinic/account");
		assertThat(this.physio.post("/clinic/account/emails", Map.of("urgentAlerts", "true", "dailySummary", "true"))
			.status()).isEqualTo(302);
		Document account = this.physio.get("/clinic/account").document();
		assertThat(account.getElementById("dailySummary").hasAttr("checked")).isTrue();
		assertThat(account.getElementById("urgentAlerts").hasAttr("checked")).isTrue();

		LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.clock.set(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
		share(new Browserless(this.port), RunnerFixture.calm().page(), "D.1");
		share(new Browserless(this.port), RunnerFixture.calm().page(), "D.2");
		// the day is not over: no summary of it yet
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		this.clock.set(day.plusDays(1).atTime(0, 1).toInstant(ZoneOffset.UTC));
		// two sweeps at the same moment, as on two instances, then another
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> sweeps = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sweeps.add(pool.submit(() -> {
					start.await();
					this.sweep.sendDailySummaries();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> sweep : sweeps) {
				sweep.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		this.sweep.sweep();
		MimeMessage summary = awaitMails(1).get(0);
		String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day);
		assertThat(summary.getSubject()).isEqualTo("Your daily summary for " + date);
		assertThat(GreenMailUtil.getBody(summary)).contains("2 checks were shared with you on " + date + " (UTC)")
			.doesNotContain("D.1", "D.2");
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).as("once for the day").hasSize(1);

		// the next day had none: nothing is sent for it
		this.clock.advance(Duration.ofDays(1));
		this.sweep.sweep();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void anAlertWhoseMailServerWasDownIsSentOnceWhenItIsBack() throws Exception {
		smtp.stop();
		shareUrgent(new Browserless(this.port), "U.R.");
		// tried, and left incomplete for the next try
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from event_publication where status = 'FAILED' and completion_date is null",
					Integer.class) == 1);
		assertThat(handledAlerts()).as("the claim was undone with the failed mail").isZero();
		// tried again while the server is still down
		this.clock.advance(Duration.ofMinutes(2));
		this.sweep.retryUnhandled();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED'",
					Integer.class) == 1);

		smtp = startSmtp();
		this.clock.advance(Duration.ofMinutes(2));
		this.sweep.retryUnhandled();
		assertThat(awaitMails(1).get(0).getSubject()).isEqualTo("A client's check needs your attention");
		awaitHandled(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.sweep.retryUnhandled();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	// --- helpers ---

	/**
	 * A client shares a result that says to get help today; the redirect to their page.
	 */
	Browserless.Page shareUrgent(Browserless client, String reference) {
		Map<String, String> urgent = RunnerFixture.calm()
			.inPain(Pain.ONE_LEG, 3, 6)
			.with(Question.WARNING_SIGNS, Set.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS))
			.page();
		Browserless.Page shared = share(client, urgent, reference);
		assertThat(shared.status()).isEqualTo(302);
		return shared;
	}

	/** A client answers through the link and consents to share, with a reference. */
	Browserless.Page share(Browserless client, Map<String, String> answers, String reference) {
		client.get(this.link.client());
		client.get(this.link.client() + "/assessment");
		client.post(this.link.client() + "/safety", RunnerFixture.safetyNo());
		client.post(this.link.client() + "/result", answers);
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		decision.put("reference", reference);
		return client.post(this.link.client() + "/consent", decision);
	}

	/** Waits until the given number of alerts were handled and none is left to handle. */
	void awaitHandled(int alerts) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> handledAlerts() == alerts && count("event_publication") == 0);
	}

	/**
	 * The alerts handled of this test's submissions. On H2, an alert handled by another
	 * test class's app at the moment that test deleted its submission can outlive it (the
	 * key check and the cascade do not see each other's uncommitted rows), so the table
	 * is not counted whole.
	 */
	int handledAlerts() {
		return this.jdbc.queryForObject(
				"select count(*) from urgent_alert a join submission s on s.id = a.submission_id", Integer.class);
	}

	static List<MimeMessage> awaitMails(int mails) {
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= mails);
		return List.of(smtp.getReceivedMessages());
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
