package com.sciaticacheck.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many assessments at once give exactly the answers the same requests give one by one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConcurrentAssessmentTests {

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void simultaneousAssessmentsMatchTheSameRequestsOneByOne() throws Exception {
		Random random = new Random(42);
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			bodies.add(randomRunner(random));
		}
		List<String> oneByOne = new ArrayList<>();
		for (String body : bodies) {
			oneByOne.add(post(body));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<Future<String>> atOnce = new ArrayList<>();
		for (String body : bodies) {
			atOnce.add(pool.submit(() -> post(body)));
		}
		for (int i = 0; i < bodies.size(); i++) {
			assertThat(atOnce.get(i).get(60, TimeUnit.SECONDS)).as(bodies.get(i)).isEqualTo(oneByOne.get(i));
		}
		pool.shutdown();
		assertThat(oneByOne).allSatisfy((response) -> assertThat(response).startsWith("{\"rulesVersion\""));
		assertThat(oneByOne.stream().distinct().count()).as("varied runners give varied results").isGreaterThan(50);
	}

	private String post(String body) throws Exception {
		var response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/assessments"))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static String randomRunner(Random random) {
		double baselineWeekly = random.nextInt(60);
		double weekly = random.nextInt(80);
		double longest = (weekly == 0) ? 0 : 1 + random.nextInt((int) Math.min(weekly, 40));
		double baselineLongest = (baselineWeekly == 0) ? 0 : 1 + random.nextInt(30);
		String pain = pick(random, "NONE", "BACK_ONLY", "ONE_LEG", "BOTH_LEGS");
		String painDetail = pain.equals("NONE") ? ""
				: ", \"painWeeks\": " + random.nextInt(30) + ", \"painSeverity\": " + random.nextInt(11);
		return "{\"ageYears\": " + (16 + random.nextInt(80)) + ", \"smoker\": " + random.nextBoolean()
				+ ", \"weeklyDistanceKm\": " + weekly + ", \"baselineWeeklyDistanceKm\": " + baselineWeekly
				+ ", \"longestRunKm\": " + longest + ", \"baselineLongestRunKm\": " + baselineLongest
				+ ", \"unevenSurfaces\": \"" + pick(random, "NONE", "SOME", "MOST") + "\", \"footwear\": \""
				+ pick(random, "GOOD", "WORN", "NOT_RUNNING_SHOES") + "\", \"strengthSessionsPerWeek\": "
				+ random.nextInt(4) + ", \"sideToSideDifference\": \"" + pick(random, "NONE", "SLIGHT", "CLEAR")
				+ "\", \"formConcerns\": \"" + pick(random, "NONE", "UNSURE", "YES") + "\", \"conditions\": ["
				+ (random.nextBoolean() ? "\"PREVIOUS_BACK_PAIN\"" : "") + "], \"pain\": \"" + pain + "\"" + painDetail
				+ ", \"symptoms\": [], \"warningSigns\": [" + (random.nextInt(5) == 0 ? "\"CANCER_HISTORY\"" : "")
				+ "]}";
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

}
