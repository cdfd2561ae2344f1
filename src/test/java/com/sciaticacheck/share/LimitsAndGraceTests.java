package com.sciaticacheck.share;

import java.time.Duration;
import java.util.Map;

import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.TestClockConfiguration;
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

	@Test
	void creatingTooManyLinksFromOneAddressIsRefusedClearlyForAnHour() {
		this.clock.advance(Duration.ofDays(400));
		Browserless physio = new Browserless(this.port);
		physio.get("/clinic/new");
		Map<String, String> form = Map.of("clinicName", "Busy Clinic", "days", "30");
		for (int i = 0; i < 2; i++) {
			assertThat(physio.post("/clinic/new", form).status()).isEqualTo(302);
		}
		assertThat(physio.postJson("/api/v1/links", "{\"clinicName\": \"Busy Clinic\", \"days\": 30}").status())
			.isEqualTo(201);
		Browserless.Page refused = physio.post("/clinic/new", form);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.document().selectFirst(".error-summary").text())
			.contains("Too many links were created from your network in the last hour (the limit is 3)");
		Browserless.Page refusedApi = physio.postJson("/api/v1/links",
				"{\"clinicName\": \"Busy Clinic\", \"days\": 30}");
		assertThat(refusedApi.status()).isEqualTo(429);
		assertThat(refusedApi.header("Content-Type")).hasValue("application/problem+json");

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(physio.post("/clinic/new", form).status()).isEqualTo(302);
	}

	@Test
	void dataIsKeptForTheGraceAfterTheLinkEndsThenDeleted() {
		this.jdbc.update("delete from share_link");
		ShareService.CreatedLink created = this.share.create("Clinic", null, 7);
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.share.purgeExpired()).isZero();
		assertThat(this.share.findForDashboard(created.dashboardSecret())).isPresent();
		this.clock.advance(Duration.ofDays(6).plusSeconds(1));
		assertThat(this.share.purgeExpired()).isEqualTo(1);
		assertThat(this.share.findForDashboard(created.dashboardSecret())).isEmpty();
	}

}
