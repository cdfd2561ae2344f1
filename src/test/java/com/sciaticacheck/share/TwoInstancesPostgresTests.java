package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.TestClockConfiguration;
import org.jsoup.nodes.Document;
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

/**
 * Two instances of the whole app on one PostgreSQL database, as behind a load balancer,
 * each on its own port with the production profile: a session signed in on one serves on
 * the other, a link made on one is answered on the other and seen on the first, a revoke
 * on one holds on the other at once, the limits count across both, an emailed link
 * pressed on both at once works once, and the retention purge run on both at the same
 * moment deletes each row once. Skipped without PostgreSQL on a developer's machine,
 * failing in CI ({@link ShareFlowPostgresTests}).
 */
@EnabledIf("com.sciaticacheck.share.ShareFlowPostgresTests#postgresAvailable")
class TwoInstancesPostgresTests {

	/** The production profile needs an SMTP server. */
	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	/** Shared by both, as a deployment's instances share it. */
	private static final String CSRF_KEY = "two-instances-test-key-of-at-least-32-characters";

	private static final String EMAIL = "two@example.org";

	private static final Map<String, String> NEW_LINK = Map.of("clinicName", "Riverside Physio", "days", "30");

	private static Instance a;

	private static Instance b;

	/** One running instance. */
	record Instance(ConfigurableApplicationContext context, int port) {

		static Instance start(String name) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SciaticaCheckApplication.class,
					TestClockConfiguration.class)
				.profiles("postgres")
				// as command-line arguments: they win over the test's and the profile's
				// files
				.run("--spring.application.name=" + name, "--server.port=0",
						"--spring.datasource.url=" + ShareFlowPostgresTests.URL,
						"--spring.datasource.username=" + ShareFlowPostgresTests.USER,
						"--spring.datasource.password=" + ShareFlowPostgresTests.PASSWORD,
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
						"--sciatica.csrf.key=" + CSRF_KEY, "--server.forward-headers-strategy=native",
						"--sciatica.account.sign-ins-per-account=4", "--sciatica.account.sign-ins-per-address=1000",
						"--sciatica.share.links-per-hour=3", "--sciatica.share.submissions-per-link-per-hour=1000",
						"--sciatica.share.submissions-per-address-per-hour=1000",
						// the purge runs when a test calls it, on both at once
						"--sciatica.share.purge-every=PT24H");
			return new Instance(context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
		}

		JdbcTemplate jdbc() {
			return this.context.getBean(JdbcTemplate.class);
		}

		MutableClock clock() {
			return this.context.getBean(MutableClock.class);
		}

		ShareService share() {
			return this.context.getBean(ShareService.class);
		}

		Browserless browser() {
			return new Browserless(this.port);
		}

		/**
		 * The same browser sent to this instance by the load balancer: its cookies (the
		 * session, a trusted device, the runner's CSRF cookie) and its address.
		 */
		Browserless same(Browserless browser, String address) {
			Browserless moved = (address != null) ? new Browserless(this.port).from(address)
					: new Browserless(this.port);
			for (String name : List.of("session", "device", "XSRF-TOKEN")) {
				browser.cookie(name).ifPresent((value) -> moved.withCookie(name, value));
			}
			return moved;
		}

		Browserless same(Browserless browser) {
			return same(browser, null);
		}

	}

	@BeforeAll
	static void startTwoInstances() {
		a = Instance.start("instance-a");
		b = Instance.start("instance-b");
	}

	@AfterAll
	static void stopThem() {
		if (a != null) {
			// the database is shared with the other PostgreSQL tests
			ClinicAccounts.deleteAll(a.jdbc());
			a.jdbc().update("delete from rate_limit");
		}
		for (Instance instance : new Instance[] { a, b }) {
			if (instance != null) {
				instance.context().close();
			}
		}
	}

	@BeforeEach
	void cleanStart() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		JdbcTemplate jdbc = a.jdbc();
		ClinicAccounts.deleteAll(jdbc);
		jdbc.update("delete from rate_limit");
		Instant now = Instant.now();
		a.clock().set(now);
		b.clock().set(now);
	}

	private static int count(String table) {
		return a.jdbc().queryForObject("select count(*) from " + table, Integer.class);
	}

	/** Creates a link on the page; returns its page's path. */
	private static String createLink(Browserless physio) {
		physio.get("/clinic/links/new");
		Browserless.Page created = physio.post("/clinic/links/new", NEW_LINK);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		return created.location().replaceFirst("^https?://[^/]+", "").replace("?created", "");
	}

	/** The client link a link's page shows, as a path. */
	private static String clientLink(Browserless physio, String linkPage) {
		return physio.get(linkPage).document().getElementById("client-url").val().replaceFirst("^https?://[^/]+", "");
	}

	/** A client's answers, up to the consent step; the answers to post with consent. */
	private static Map<String, String> answerUpToConsent(Browserless client, String link) {
		assertThat(client.get(link).status()).isEqualTo(200);
		client.get(link + "/assessment");
		client.post(link + "/safety", RunnerFixture.safetyNo());
		Map<String, String> answers = RunnerFixture.calm().page();
		Browserless.Page consent = client.post(link + "/result", answers);
		assertThat(consent.document().selectFirst("h1").text()).isEqualTo("Before your result: share it?");
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		decision.put("reference", "J.D.");
		return decision;
	}

	@Test
	void aSessionSignedInOnOneInstanceServesOnTheOther() {
		Browserless onA = a.browser();
		ClinicAccounts.signIn(onA, a.jdbc(), EMAIL);
		Browserless onB = b.same(onA);
		Browserless.Page dashboard = onB.get("/clinic");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.document().selectFirst("h1").text()).contains("Clinic of " + EMAIL);

		// a form loaded on A is posted to B: its CSRF token lives in the shared session
		onA.get("/clinic/links/new");
		Browserless.Page created = onB.postWithout("/clinic/links/new", NEW_LINK, onA.token());
		assertThat(created.status()).isEqualTo(302);
		String linkPage = created.location().replaceFirst("^https?://[^/]+", "").replace("?created", "");
		assertThat(onA.get(linkPage).document().selectFirst("h1").text()).contains("Riverside Physio");

		// signing out on B ends the session on A too
		onB.get("/clinic/links/new");
		assertThat(onB.post("/clinic/sign-out", Map.of()).location()).endsWith("/clinic/sign-in?signedOut");
		Browserless.Page signedOut = onA.get("/clinic");
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).endsWith("/clinic/sign-in");
	}

	@Test
	void signingOutEverywhereOnOneInstanceEndsTheSessionsServedByTheOther() {
		Browserless desk = a.browser();
		ClinicAccounts.signIn(desk, a.jdbc(), EMAIL);
		Browserless phone = b.browser();
		ClinicAccounts.signIn(phone, b.jdbc(), EMAIL);
		assertThat(phone.get("/clinic").status()).isEqualTo(200);

		desk.get("/clinic/account");
		assertThat(desk.post("/clinic/account/sign-out-everywhere", Map.of()).location())
			.endsWith("/clinic/sign-in?signedOut");
		for (Browserless browser : List.of(phone, a.same(phone), desk, b.same(desk))) {
			assertThat(browser.get("/clinic").status()).isEqualTo(302);
		}
	}

	@Test
	void aLinkMadeOnOneInstanceIsAnsweredOnTheOtherAndSeenOnTheFirst() {
		Browserless physio = a.browser();
		ClinicAccounts.signIn(physio, a.jdbc(), EMAIL);
		String linkPage = createLink(physio);
		String link = clientLink(physio, linkPage);

		Browserless clientOnB = b.browser();
		Map<String, String> decision = answerUpToConsent(clientOnB, link);
		// the last step through A, with the form B gave: one CSRF key on both
		Browserless clientOnA = a.same(clientOnB);
		Browserless.Page shared = clientOnA.postWithout(link + "/consent", decision, clientOnB.token());
		assertThat(shared.status()).isEqualTo(302);
		String result = shared.location().replaceFirst("^https?://[^/]+", "");
		assertThat(clientOnB.get(result).document().text()).contains("shared with Riverside Physio");

		Document dashboard = physio.get("/clinic").document();
		assertThat(dashboard.selectFirst("tbody tr").text()).contains("J.D.", "Riverside Physio");
		assertThat(physio.get(linkPage).document().selectFirst("tbody tr").text()).contains("J.D.");
	}

	@Test
	void aRevokeOnOneInstanceIsHonouredOnTheOtherAtOnce() {
		Browserless physioOnA = a.browser();
		ClinicAccounts.signIn(physioOnA, a.jdbc(), EMAIL);
		String linkPage = createLink(physioOnA);
		String link = clientLink(physioOnA, linkPage);
		Browserless client = a.browser();
		Map<String, String> decision = answerUpToConsent(client, link);

		Browserless physioOnB = b.same(physioOnA);
		physioOnB.get(linkPage);
		Browserless.Page revoked = physioOnB.post(linkPage + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.location()).endsWith(linkPage + "?revoked");

		Browserless.Page refused = client.post(link + "/consent", decision);
		assertThat(refused.status()).isEqualTo(410);
		assertThat(refused.document().selectFirst("h1").text()).isEqualTo("This link no longer takes answers");
		assertThat(count("submission")).isZero();
		assertThat(a.browser().get(link).status()).as("a new client on A").isEqualTo(410);
		Document page = physioOnA.get(linkPage).document();
		assertThat(page.text()).contains("The link was closed and takes no more answers.");
		assertThat(page.select("form[action$=/revoke]")).isEmpty();
	}

	@Test
	void signInAttemptsOnOneAccountCountAcrossBothInstances() {
		ClinicAccounts.create(a.jdbc(), EMAIL, "Two Clinics");
		for (int i = 1; i <= 4; i++) {
			Instance instance = (i % 2 == 0) ? b : a;
			Browserless browser = instance.browser().from("198.51.100." + i);
			browser.get("/clinic/sign-in");
			assertThat(browser.post("/clinic/sign-in", Map.of("email", EMAIL, "password", "wrong password " + i))
				.location()).endsWith("/clinic/sign-in?error");
		}
		for (Instance instance : List.of(a, b)) {
			Browserless browser = instance.browser().from("198.51.100.9");
			browser.get("/clinic/sign-in");
			Browserless.Page refused = browser.post("/clinic/sign-in",
					Map.of("email", EMAIL, "password", ClinicAccounts.PASSWORD));
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.header("Retry-After")).hasValue("900");
			assertThat(refused.document().selectFirst("h1").text()).isEqualTo("Too many tries");
		}
	}

	@Test
	void linksCreatedFromOneAddressCountAcrossBothInstances() {
		Browserless onA = a.browser().from("192.0.2.1");
		ClinicAccounts.signIn(onA, a.jdbc(), EMAIL);
		Browserless onB = b.same(onA, "192.0.2.1");
		createLink(onA);
		createLink(onB);
		createLink(onA);
		onB.get("/clinic/links/new");
		Browserless.Page refused = onB.post("/clinic/links/new", NEW_LINK);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(onA.post("/clinic/links/new", NEW_LINK).status()).isEqualTo(429);
		assertThat(count("share_link")).isEqualTo(3);
	}

	/**
	 * A confirmation link pressed in several tabs, sent to both instances, at the same
	 * moment: only one press confirms, the others are told the link is used.
	 */
	@Test
	void anEmailedLinkPressedOnBothInstancesAtOnceWorksOnce() throws Exception {
		Browserless signUp = a.browser();
		signUp.get("/clinic/sign-up");
		assertThat(signUp
			.post("/clinic/sign-up",
					Map.of("displayName", "Riverside Physio", "email", EMAIL, "password", "maple river lantern 42"))
			.status()).isEqualTo(302);
		String body = Arrays.stream(mail.getReceivedMessages()).map((message) -> {
			try {
				return message.getContent().toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).filter((text) -> text.contains("/clinic/confirm?token=")).reduce((first, last) -> last).orElseThrow();
		Matcher token = Pattern.compile("/clinic/confirm\\?token=([\\w-]{43})").matcher(body);
		assertThat(token.find()).isTrue();
		String link = "/clinic/confirm?token=" + token.group(1);

		List<Browserless> tabs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Browserless tab = ((i % 2 == 0) ? a : b).browser();
			tab.get(link);
			tabs.add(tab);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(tabs.size());
		try {
			List<Future<Integer>> presses = new ArrayList<>();
			for (Browserless tab : tabs) {
				presses.add(pool.submit(() -> {
					start.await();
					return tab.post("/clinic/confirm", Map.of("token", token.group(1))).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> press : presses) {
				statuses.add(press.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnlyOnce(302).containsOnly(302, 400);
		}
		finally {
			pool.shutdown();
		}
		assertThat(a.jdbc()
			.queryForObject("select count(*) from account where email = ? and email_confirmed_at is not null",
					Integer.class, EMAIL))
			.isEqualTo(1);
		assertThat(count("trusted_device")).as("one browser trusted").isEqualTo(1);
	}

	/**
	 * Both instances purge at the same moment, three times over: together they delete
	 * each expired link (with its answers) exactly once, and nothing else. The clocks are
	 * years ahead, so no other test's app on this database, purging on its own schedule,
	 * could take these links first.
	 */
	@Test
	void thePurgeRunOnBothAtOnceDeletesEachExpiredRowOnce() throws Exception {
		Instant future = Instant.now().plus(Duration.ofDays(3650));
		long physio = ClinicAccounts.create(a.jdbc(), EMAIL, "Riverside Physio");
		long other = ClinicAccounts.create(a.jdbc(), "other@example.org", "Other Clinic");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				future = future.plus(Duration.ofDays(30));
				a.clock().set(future);
				b.clock().set(future);
				List<ShareLink> ending = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					ending.add(a.share().create((i % 2 == 0) ? physio : other, "Ending " + i, null, 1));
				}
				List<ShareLink> staying = List.of(a.share().create(physio, "Staying", null, 365),
						b.share().create(other, "Staying too", null, 365));
				for (ShareLink link : List.of(ending.get(0), ending.get(1), staying.get(0), staying.get(1))) {
					shareAnEmergency(b.browser(), "/c/" + link.clientSecret());
				}
				int linksBefore = count("share_link");
				int submissionsBefore = count("submission");

				a.clock().advance(Duration.ofDays(2));
				b.clock().advance(Duration.ofDays(2));
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> purges = new ArrayList<>();
				for (Instance instance : List.of(a, b)) {
					purges.add(pool.submit(() -> {
						start.await();
						return instance.share().purgeExpired();
					}));
				}
				start.countDown();
				int first = purges.get(0).get(60, TimeUnit.SECONDS);
				int second = purges.get(1).get(60, TimeUnit.SECONDS);

				assertThat(first + second).as("round %d: deleted by A (%d) and B (%d)", round, first, second)
					.isEqualTo(20);
				assertThat(count("share_link")).isEqualTo(linksBefore - 20);
				assertThat(count("submission")).as("the answers of ending links went with them")
					.isEqualTo(submissionsBefore - 2);
				for (ShareLink link : staying) {
					assertThat(a.jdbc()
						.queryForObject("select count(*) from submission s join share_link l on l.id = s.share_link_id "
								+ "where l.public_id = ?", Integer.class, link.publicId()))
						.isGreaterThanOrEqualTo(1);
				}
				assertThat(a.share().purgeExpired() + b.share().purgeExpired()).as("nothing left to delete").isZero();
			}
			assertThat(count("account")).isEqualTo(2);
			assertThat(count("share_link")).as("the staying links of every round").isEqualTo(6);
		}
		finally {
			pool.shutdown();
		}
	}

	/** A client shares an emergency at the safety questions: the shortest way in. */
	private static void shareAnEmergency(Browserless client, String link) {
		client.get(link + "/assessment");
		Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.safetyNo());
		answers.put("saddleNumbness", "true");
		answers.put("share", "true");
		assertThat(client.post(link + "/emergency-consent", answers).status()).isEqualTo(302);
	}

}
