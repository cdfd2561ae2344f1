package com.sciaticacheck.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.share.UrgentResultShared;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.TestClockConfiguration;
import com.sciaticacheck.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts on two instances of the app on one PostgreSQL database, with the production
 * profile: an alert delivered again on both at once, the mail of counted results and the
 * daily summary swept on both at the same moment, each go once. Skipped without
 * PostgreSQL on a developer's machine, failing in CI ({@link TestPostgres}).
 */
@EnabledIf("postgresAvailable")
class AlertsTwoInstancesPostgresTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final String PHYSIO = "two-alerts@riverside.example";

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private String client;

	static boolean postgresAvailable() {
		return TestPostgres.available();
	}

	static ConfigurableApplicationContext start(String name) {
		return new SpringApplicationBuilder(SciaticaCheckApplication.class, TestClockConfiguration.class)
			.profiles("postgres")
			.run("--spring.application.name=" + name, "--server.port=0", "--spring.datasource.url=" + TestPostgres.URL,
					"--spring.datasource.username=" + TestPostgres.USER,
					"--spring.datasource.password=" + TestPostgres.PASSWORD, "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + smtp.getSmtp().getPort(),
					"--sciatica.csrf.key=alerts-two-instances-test-key-of-32-characters",
					"--sciatica.share.submissions-per-link-per-hour=1000",
					"--sciatica.share.submissions-per-address-per-hour=1000", "--sciatica.share.purge-every=PT24H",
					"--sciatica.alerts.sweep-every=PT24H");
	}

	@BeforeAll
	static void startTwoInstances() {
		a = start("alerts-a");
		b = start("alerts-b");
	}

	@AfterAll
	static void stopThem() {
		if (a != null) {
			ClinicAccounts.deleteAll(jdbc());
			jdbc().update("delete from event_publication");
			jdbc().update("delete from rate_limit");
		}
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { a, b }) {
			if (app != null) {
				app.close();
			}
		}
	}

	@BeforeEach
	void cleanStart() throws Exception {
		ClinicAccounts.deleteAll(jdbc());
		jdbc().update("delete from event_publication");
		jdbc().update("delete from rate_limit");
		Instant now = Instant.now();
		both((app) -> app.getBean(MutableClock.class).set(now));
		smtp.purgeEmailFromAllMailboxes();
		Browserless physio = new Browserless(port(a));
		ClinicAccounts.signIn(physio, jdbc(), PHYSIO);
		this.client = ClinicLinks.create(physio, "Riverside Physio", "", 30).client();
	}

	@Test
	void anAlertDeliveredAgainOnBothInstancesAtOnceIsMailedOnce() throws Exception {
		shareUrgent(b);
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
		awaitHandled(1);
		// the registry delivers at least once: the same event again, taken by both
		long submission = jdbc().queryForObject("select id from submission", Long.class);
		for (int i = 0; i < 2; i++) {
			jdbc().update(
					"insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
							+ "status, completion_attempts) values (?, ?, ?, ?, ?, 'FAILED', 1)",
					java.util.UUID.randomUUID(), UrgentAlerts.LISTENER_ID, UrgentResultShared.class.getName(),
					"{\"submissionId\":" + submission + ",\"accountId\":" + ClinicAccounts.account(jdbc(), PHYSIO)
							+ "}",
					Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))));
		}
		atOnce((app) -> app.getBean(AlertSweep.class).retryUnhandled());
		awaitHandled(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void countedResultsAndTheDailySummarySweptOnBothAtOnceAreMailedOnce() throws Exception {
		Browserless physio = new Browserless(port(a));
		ClinicAccounts.signIn(physio, jdbc(), PHYSIO);
		physio.get("/clinic/account");
		assertThat(
				physio.post("/clinic/account/emails", Map.of("urgentAlerts", "true", "dailySummary", "true")).status())
			.isEqualTo(302);
		Instant start = a.getBean(MutableClock.class).instant();
		for (int i = 0; i < 3; i++) {
			shareUrgent((i % 2 == 0) ? a : b);
			awaitHandled(i + 1);
		}
		assertThat(smtp.getReceivedMessages()).hasSize(1);

		Instant windowEnded = start.plus(Duration.ofMinutes(16));
		both((app) -> app.getBean(MutableClock.class).set(windowEnded));
		atOnce((app) -> app.getBean(AlertSweep.class).mailCounted());
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("2 checks need your attention");

		LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
		Instant nextDay = day.plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC);
		both((app) -> app.getBean(MutableClock.class).set(nextDay));
		atOnce((app) -> app.getBean(AlertSweep.class).sweep());
		atOnce((app) -> app.getBean(AlertSweep.class).sweep());
		assertThat(smtp.getReceivedMessages()).hasSize(3);
		assertThat(smtp.getReceivedMessages()[2].getSubject()).startsWith("Your daily summary for");
	}

	private void shareUrgent(ConfigurableApplicationContext app) {
		Map<String, String> urgent = RunnerFixture.calm()
			.inPain(Pain.ONE_LEG, 3, 6)
			.with(Question.WARNING_SIGNS, Set.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS))
			.page();
		Browserless client = new Browserless(port(app));
		client.get(this.client);
		client.get(this.client + "/assessment");
		client.post(this.client + "/safety", RunnerFixture.safetyNo());
		client.post(this.client + "/result", urgent);
		Map<String, String> decision = new LinkedHashMap<>(urgent);
		decision.put("share", "true");
		assertThat(client.post(this.client + "/consent", decision).status()).isEqualTo(302);
	}

	private static void awaitHandled(int alerts) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("urgent_alert") == alerts && count("event_publication") == 0);
	}

	/** Runs the same on both instances at the same moment, and waits for both. */
	private static void atOnce(Consumer<ConfigurableApplicationContext> action) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> runs = new ArrayList<>();
			for (ConfigurableApplicationContext app : List.of(a, b)) {
				runs.add(pool.submit(() -> {
					go.await();
					action.accept(app);
					return null;
				}));
			}
			go.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static void both(Consumer<ConfigurableApplicationContext> action) {
		action.accept(a);
		action.accept(b);
	}

	private static JdbcTemplate jdbc() {
		return a.getBean(JdbcTemplate.class);
	}

	private static int count(String table) {
		return jdbc().queryForObject("select count(*) from " + table, Integer.class);
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
