package com.sciaticacheck.share;

import java.time.Duration;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The creation limit per address, and retention with a configured grace. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sciatica.share.links-per-hour=3", "sciatica.share.retention-grace=P7D" })
@Import(TestClockConfiguration.class)
class LimitsAndGraceTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ShareService share;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.jdbc.update("delete from rate_limit");
		this.clock.set(java.time.Instant.now());
	}

	@Test
	void creatingTooManyLinksFromOneAddressIsRefusedClearlyForAnHour() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, "physio@busy.example");
		for (int i = 0; i < 3; i++) {
			ClinicLinks.create(physio, "Busy Clinic", "", 30);
		}
		Map<String, String> form = Map.of("clinicName", "Busy Clinic", "days", "30");
		physio.get("/clinic/links/new");
		Browserless.Page refused = physio.post("/clinic/links/new", form);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.document().selectFirst(".error-summary").text())
			.contains("Too many links were created from your network in the last hour (the limit is 3)");

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(physio.post("/clinic/links/new", form).status()).isEqualTo(302);
	}

	/**
	 * The grace holds for an account's links and for links made before accounts that
	 * nobody claimed alike.
	 */
	@Test
	void dataIsKeptForTheGraceAfterTheLinkEndsThenDeleted() {
		long account = ClinicAccounts.create(this.jdbc, "physio@clinic.example", "Clinic");
		ShareLink link = this.share.create(account, "Clinic", null, 7);
		LinksBeforeAccounts.OldLink old = LinksBeforeAccounts.insert(this.jdbc, "Old Clinic", 7, this.clock.instant());
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.share.purgeExpired()).isZero();
		assertThat(this.share.link(account, link.publicId())).isPresent();
		assertThat(this.share.findUnclaimed(old.dashboardSecret())).isPresent();
		this.clock.advance(Duration.ofDays(6).plusSeconds(1));
		assertThat(this.share.purgeExpired()).isEqualTo(2);
		assertThat(this.share.link(account, link.publicId())).isEmpty();
		assertThat(this.share.findUnclaimed(old.dashboardSecret())).isEmpty();
	}

}
