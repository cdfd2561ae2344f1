package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.system.RateLimiter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sciaticacheck.SciaticaCheckApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on the database, over real HTTP: run on the embedded H2 and on PostgreSQL by
 * the subclasses. Clients reach the app through a trusted proxy, each at the address it
 * names, so the limits per link and per address can be told apart. The physio is signed
 * in to a clinic account from 192.0.2.1.
 */
@RunningAppTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native", "sciatica.share.links-per-hour=3",
		"sciatica.share.submissions-per-link-per-hour=10", "sciatica.share.submissions-per-address-per-hour=5" })
abstract class RateLimitContract {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RateLimiter limiter;

	@Autowired
	Environment environment;

	Browserless physio;

	static final String PHYSIO = "physio@busy.example";

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.clock.set(Instant.now());
		this.physio = new Browserless(this.port).from("192.0.2.1");
		ClinicAccounts.signIn(this.physio, this.jdbc, PHYSIO);
		// the sign-in's own counts too: each test counts from nothing
		this.jdbc.update("delete from rate_limit");
	}

	/** A new link's client path. */
	String createLink() {
		return ClinicLinks.create(this.physio, "Busy Clinic", "", 30).client();
	}

	/** The emergency answer at the safety questions, shared: the one that is pinned. */
	static Map<String, String> sharedEmergency() {
		Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.safetyNo());
		answers.put("saddleNumbness", "true");
		answers.put("share", "true");
		return answers;
	}

	int submissions() {
		return this.jdbc.queryForObject("select count(*) from submission", Integer.class);
	}

	/**
	 * Issue 10, fault 3: 60 emergency submissions on one link in 0.3 s all landed pinned
	 * at the top of the dashboard.
	 */
	@Test
	void aBurstOfSixtyEmergenciesOnOneLinkLandsOnlyUpToTheLimit() throws Exception {
		String link = createLink();
		int clients = 60;
		List<Browserless> ready = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			// each from its own address: only the limit per link holds them back
			Browserless client = new Browserless(this.port).from("198.51.100." + (i + 1));
			client.get(link + "/assessment");
			ready.add(client);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Browserless.Page>> pages = new ArrayList<>();
		for (Browserless client : ready) {
			pages.add(pool.submit(() -> {
				start.await();
				return client.post(link + "/emergency-consent", sharedEmergency());
			}));
		}
		start.countDown();
		List<Browserless.Page> refused = new ArrayList<>();
		int landed = 0;
		for (Future<Browserless.Page> page : pages) {
			Browserless.Page answer = page.get(60, TimeUnit.SECONDS);
			if (answer.status() == 302) {
				landed++;
			}
			else {
				refused.add(answer);
			}
		}
		pool.shutdown();
		assertThat(landed).as("submissions that landed").isEqualTo(10);
		assertThat(submissions()).isEqualTo(10);
		assertThat(refused).hasSize(50).allSatisfy((page) -> {
			assertThat(page.status()).isEqualTo(429);
			assertThat(Long.parseLong(page.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
			Document shown = page.document();
			// the client still sees where to get help, and that nothing was shared
			assertThat(shown.selectFirst("h1").text()).isEqualTo("Get medical help now");
			assertThat(shown.text()).contains("were not shared", "Too many answers");
		});
	}

	/** One client shares a result through the link; returns the answer page. */
	Browserless.Page share(Browserless client, String link) {
		client.get(link + "/assessment");
		return client.post(link + "/emergency-consent", sharedEmergency());
	}

	@Test
	void oneAddressSharesOnlyUpToItsLimitAcrossLinks() {
		String first = createLink();
		String second = createLink();
		Browserless client = new Browserless(this.port).from("203.0.113.7");
		for (int i = 0; i < 5; i++) {
			assertThat(share(client, (i % 2 == 0) ? first : second).status()).isEqualTo(302);
		}
		Browserless.Page refused = share(client, second);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("3600");
		assertThat(refused.document().getElementById("too-many").text()).contains("Try again in 60 minutes");
		// the refusal used none of the link's: another address still shares through it
		assertThat(share(new Browserless(this.port).from("203.0.113.8"), second).status()).isEqualTo(302);
		assertThat(submissions()).isEqualTo(6);

		this.clock.advance(Duration.ofMinutes(45));
		Browserless.Page later = share(client, first);
		assertThat(later.header("Retry-After")).hasValue("900");
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(share(client, first).status()).as("a new window").isEqualTo(302);
	}

	/** Issue 10, fault 8: each IPv6 address had its own limit, so a /64 had none. */
	@Test
	void ipv6ClientsAreCountedByTheirSlash64() {
		String link = createLink();
		for (int i = 1; i <= 5; i++) {
			Browserless client = new Browserless(this.port).from("2001:db8:1:2::" + Integer.toHexString(i));
			assertThat(share(client, link).status()).isEqualTo(302);
		}
		Browserless sameSlash64 = new Browserless(this.port).from("2001:db8:1:2:ffff:ffff:ffff:fffe");
		assertThat(share(sameSlash64, link).status()).isEqualTo(429);
		Browserless nextSlash64 = new Browserless(this.port).from("2001:db8:1:3::1");
		assertThat(share(nextSlash64, link).status()).isEqualTo(302);
	}

	@Test
	void creatingTooManyLinksIsRefusedWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			createLink();
		}

		this.clock.advance(Duration.ofMinutes(30));
		this.physio.get("/clinic/links/new");
		Browserless.Page refused = this.physio.post("/clinic/links/new",
				Map.of("clinicName", "Busy Clinic", "days", "30"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).hasValue("1800");
		assertThat(refused.document().selectFirst(".error-summary").text())
			.contains("(the limit is 3). Please try again in 30 minutes.");
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isEqualTo(3);

		// another address in the same moment is not affected, the same account's or not
		Browserless other = new Browserless(this.port).from("192.0.2.2");
		ClinicAccounts.signIn(other, this.jdbc, PHYSIO);
		assertThat(ClinicLinks.create(other, "Clinic", "", 30).publicId()).isNotBlank();
	}

	/**
	 * Many instances, or many threads of one, checking the same bucket at once: each on
	 * its own connection, never more than the limit granted, whether the bucket is new
	 * (racing to insert it) or counting.
	 */
	@Test
	void concurrentChecksNeverGrantMoreThanTheLimit() throws Exception {
		int threads = 32;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 5; round++) {
				String bucket = "concurrent-" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<RateLimiter.Decision>> decisions = new ArrayList<>();
				for (int i = 0; i < threads * 2; i++) {
					decisions.add(pool.submit(() -> {
						start.await();
						return this.limiter.tryAcquire(bucket, 10, Duration.ofHours(1));
					}));
				}
				start.countDown();
				int granted = 0;
				for (Future<RateLimiter.Decision> decision : decisions) {
					granted += decision.get(60, TimeUnit.SECONDS).granted() ? 1 : 0;
				}
				assertThat(granted).as("granted in round " + round).isEqualTo(10);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aWindowEndsAndItsCounterIsPurged() {
		assertThat(this.limiter.tryAcquire("window", 1, Duration.ofMinutes(10)).granted()).isTrue();
		RateLimiter.Decision refused = this.limiter.tryAcquire("window", 1, Duration.ofMinutes(10));
		assertThat(refused.granted()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(600);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.limiter.tryAcquire("window", 1, Duration.ofMinutes(10)).granted()).as("the next window")
			.isTrue();
		assertThat(this.limiter.purgeExpired()).isZero();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.limiter.purgeExpired()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit", Integer.class)).isZero();
	}

	/**
	 * The command line of a second instance on this test's database and settings: as
	 * command-line arguments, they win over the test's and the profile's files.
	 */
	private String[] secondInstance() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.forward-headers-strategy=native",
				"--sciatica.share.links-per-hour=3", "--sciatica.share.submissions-per-link-per-hour=10",
				"--sciatica.share.submissions-per-address-per-hour=5",
				"--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password")));
		for (String mail : List.of("spring.mail.host", "spring.mail.port")) {
			if (this.environment.containsProperty(mail)) {
				args.add("--" + mail + "=" + this.environment.getProperty(mail));
			}
		}
		return args.toArray(String[]::new);
	}

	/**
	 * Two instances behind a load balancer on the one database: what one counted, the
	 * other sees.
	 */
	@Test
	void aSecondInstanceOnTheSameDatabaseKeepsTheSameLimits() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.profiles(this.environment.getActiveProfiles())
			.run(secondInstance())) {
			int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
			// the same session, kept in the database, serves the physio on either
			// instance
			Browserless physioOnSecond = new Browserless(secondPort).from("192.0.2.1")
				.withCookie("session", this.physio.cookie("session").orElseThrow());
			String link = createLink();
			createLink();
			physioOnSecond.get("/clinic/links/new");
			Map<String, String> form = Map.of("clinicName", "Busy Clinic", "days", "30");
			assertThat(physioOnSecond.post("/clinic/links/new", form).status()).as("the third link").isEqualTo(302);
			assertThat(physioOnSecond.post("/clinic/links/new", form).status()).isEqualTo(429);
			this.physio.get("/clinic/links/new");
			assertThat(this.physio.post("/clinic/links/new", form).status()).isEqualTo(429);

			for (int i = 1; i <= 10; i++) {
				int port = (i % 2 == 0) ? this.port : secondPort;
				assertThat(share(new Browserless(port).from("198.51.100." + i), link).status()).isEqualTo(302);
			}
			assertThat(share(new Browserless(secondPort).from("198.51.100.11"), link).status()).isEqualTo(429);
			assertThat(share(new Browserless(this.port).from("198.51.100.12"), link).status()).isEqualTo(429);
			assertThat(submissions()).isEqualTo(10);
		}
	}

}
