package com.sciaticacheck.training;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.sciaticacheck.api.ApiClient;
import com.sciaticacheck.support.Multipart;
import com.sciaticacheck.support.RawHttp;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.support.TrainingFixtures;
import com.sciaticacheck.support.TrainingFixtures.TcxActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v2/training-summary} over real HTTP: the figures and the runs behind
 * them, and a problem for every kind of bad upload, never a 500.
 */
@RunningAppTest
class TrainingSummaryApiTests {

	private static final String PATH = TrainingUploads.API_PATH;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private Clock clock;

	private ApiClient api;

	/** 07:00 UTC today, by the app's clock. */
	private Instant morning;

	@BeforeEach
	void start() {
		this.api = new ApiClient(this.port);
		this.morning = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).atTime(7, 0).toInstant(ZoneOffset.UTC);
	}

	@Test
	void sumsTheRunsIntoTheFourFiguresOfTheAssessmentRequest() throws Exception {
		Multipart body = new Multipart()
			.file("files", "week.tcx",
					TrainingFixtures.tcx(new TcxActivity("Running", daysAgo(1), 5000, 5000),
							new TcxActivity("Running", daysAgo(3), 8000)))
			.file("files", "before.tcx", TrainingFixtures.tcxRun(daysAgo(10), 16000))
			.file("files", "ride.tcx", TrainingFixtures.tcx(new TcxActivity("Biking", daysAgo(2), 40000)));

		HttpResponse<String> response = post(body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = this.json.readTree(response.body());
		assertThat(summary.get("weeklyDistanceKm").asDouble()).isEqualTo(18.0);
		assertThat(summary.get("longestRunKm").asDouble()).isEqualTo(10.0);
		assertThat(summary.get("baselineWeeklyDistanceKm").asDouble()).isEqualTo(4.0);
		assertThat(summary.get("baselineLongestRunKm").asDouble()).isEqualTo(16.0);
		assertThat(summary.get("timeZone").asString()).isEqualTo("Z");
		assertThat(summary.get("activities")).hasSize(3);
		JsonNode newest = summary.get("activities").get(0);
		assertThat(newest.get("date").asString()).isEqualTo(daysAgo(1).atZone(ZoneOffset.UTC).toLocalDate().toString());
		assertThat(newest.get("distanceKm").asDouble()).isEqualTo(10.0);
		assertThat(newest.get("type").asString()).isEqualTo("RUN");
		assertThat(newest.get("file").asString()).isEqualTo("week.tcx");
		assertThat(summary.get("skipped")).hasSize(1);
		assertThat(summary.get("skipped").get(0).get("file").asString()).isEqualTo("ride.tcx");
		assertThat(summary.get("skipped").get(0).get("reason").asString()).contains("Not a run").contains("Biking");
	}

	@Test
	void theTimeZoneDecidesTheDayOfARunNearMidnight() throws Exception {
		// 23:30 UTC eight days ago is 08:30 seven days ago in Tokyo: one day later
		Instant late = this.morning.minus(Duration.ofDays(8)).plus(Duration.ofHours(16).plusMinutes(30));
		byte[] run = TrainingFixtures.tcxRun(late, 10000);

		JsonNode utc = this.json.readTree(post(new Multipart().file("files", "late.tcx", run)).body());
		JsonNode tokyo = this.json
			.readTree(post(new Multipart().file("files", "late.tcx", run).field("timeZone", "Asia/Tokyo")).body());

		assertThat(utc.get("activities").get(0).get("date").asString())
			.isEqualTo(late.atZone(ZoneOffset.UTC).toLocalDate().toString());
		assertThat(tokyo.get("activities").get(0).get("date").asString())
			.isEqualTo(late.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString());
		assertThat(tokyo.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
	}

	@Test
	void withoutFilesTheProblemSaysWhatToSend() throws Exception {
		HttpResponse<String> response = post(new Multipart().field("timeZone", "Europe/London"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("parts named files");
	}

	@Test
	void aPartOfAnotherNameIsNamedInTheProblem() throws Exception {
		HttpResponse<String> response = post(
				new Multipart().file("file", "run.tcx", TrainingFixtures.tcxRun(daysAgo(1), 5000)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("parts").get(0).asString()).isEqualTo("file");
	}

	@Test
	void aTimeZoneThatIsNotOneIsRefused() throws Exception {
		HttpResponse<String> response = post(
				new Multipart().file("files", "run.tcx", TrainingFixtures.tcxRun(daysAgo(1), 5000))
					.field("timeZone", "Mars/Olympus"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("IANA");
	}

	@Test
	void filesWithoutAnyRunAreNotZeros() throws Exception {
		HttpResponse<String> response = post(new Multipart()
			.file("files", "ride.tcx", TrainingFixtures.tcx(new TcxActivity("Biking", daysAgo(2), 40000)))
			.file("files", "notes.txt", "my training notes".getBytes(StandardCharsets.UTF_8))
			.file("files", "empty.fit", new byte[0]));

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("skipped")).hasSize(3);
		assertThat(problem.get("skipped").findValuesAsString("file")).containsExactlyInAnyOrder("ride.tcx", "notes.txt",
				"empty.fit");
		assertThat(problem.get("skipped").findValuesAsString("reason"))
			.allSatisfy((reason) -> assertThat(reason).doesNotStartWith("training."));
	}

	@Test
	void aGzipBombIsStoppedAtTheUnpackedLimit() throws Exception {
		// a TCX of 300 MB, packed into a few hundred kilobytes
		byte[] bomb = TrainingFixtures.gzipBomb(300);

		long started = System.nanoTime();
		HttpResponse<String> response = post(new Multipart().file("files", "bomb.tcx.gz", bomb));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("more than 200 MB once unpacked").contains("TOO_LARGE_UNPACKED");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void anUploadDeclaredOverTheLimitIsRefusedUnread() {
		String request = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (21 * 1024 * 1024) + "\r\n\r\n";

		String response = RawHttp
			.exchange(this.port, request.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10))
			.orElseThrow();

		assertThat(RawHttp.status(response)).isEqualTo(413);
		assertThat(response).contains("application/problem+json").contains("20 MB");
	}

	@Test
	void aBodyCutShortIsAProblemNotAnError() throws Exception {
		byte[] cut = ("--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"run.fit\"\r\n\r\n"
				+ "no end of the part")
			.getBytes(StandardCharsets.US_ASCII);

		HttpResponse<String> response = this.api.post(PATH, "multipart/form-data; boundary=XX", cut);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("cut short");
	}

	@Test
	void jsonIsNotAnUpload() {
		HttpResponse<String> response = this.api.postJson(PATH, "{\"weeklyDistanceKm\": 10}");

		assertThat(response.statusCode()).isEqualTo(415);
	}

	private HttpResponse<String> post(Multipart body) {
		return this.api.post(PATH, body.contentType(), body.bytes());
	}

	private Instant daysAgo(int days) {
		return this.morning.minus(Duration.ofDays(days));
	}

}
