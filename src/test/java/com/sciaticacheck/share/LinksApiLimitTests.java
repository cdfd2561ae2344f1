package com.sciaticacheck.share;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.sciaticacheck.api.ApiClient;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The creation limit per address holds for the links API too: a 429 problem with
 * Retry-After, and no link. The same settings as {@code LimitsAndGraceTests}, so the two
 * share one app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sciatica.share.links-per-hour=3", "sciatica.share.retention-grace=P7D" })
@Import(TestClockConfiguration.class)
class LinksApiLimitTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	/** A window of its own, and none left behind for the other tests of this app. */
	@BeforeEach
	@AfterEach
	void freshLimits() {
		this.jdbc.update("delete from rate_limit");
	}

	@Test
	void creatingTooManyLinksFromOneAddressIsA429ProblemWithRetryAfter() {
		ClinicAccounts.deleteAll(this.jdbc);
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, "busy@example.com");
		String token = ClinicAccounts.apiToken(physio, "Busy software");
		for (int i = 0; i < 3; i++) {
			assertThat(create(token).statusCode()).isEqualTo(201);
		}
		HttpResponse<String> refused = create(token);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 3600L));
		assertThat(this.json.readTree(refused.body()).get("detail").asString()).contains("the limit is 3");
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isEqualTo(3);
	}

	private HttpResponse<String> create(String token) {
		ApiClient api = new ApiClient(this.port);
		return api.send(api.request(LinksApiTests.LINKS)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"clinicName\": \"Busy Clinic\", \"days\": 30}")));
	}

}
