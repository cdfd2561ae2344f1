package com.sciaticacheck.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.IntensityChange;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many assessments at once give exactly the answers the same requests give one by one;
 * the runners are {@link RunnerFixture}'s, varied at random from a fixed seed.
 */
@RunningAppTest
class ConcurrentAssessmentTests {

	@LocalServerPort
	private int port;

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
		var response = new ApiClient(this.port).postJson(AssessmentApiTests.ASSESSMENTS, body);
		assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static String randomRunner(Random random) {
		double baselineWeekly = random.nextInt(60);
		double weekly = random.nextInt(80);
		double longest = (weekly == 0) ? 0 : 1 + random.nextInt((int) Math.min(weekly, 40));
		double baselineLongest = (baselineWeekly == 0) ? 0 : 1 + random.nextInt(30);
		RunnerFixture runner = RunnerFixture.calm()
			.with(Question.BASELINE_WEEKLY_DISTANCE_KM, baselineWeekly)
			.with(Question.WEEKLY_DISTANCE_KM, weekly)
			.with(Question.LONGEST_RUN_KM, longest)
			.with(Question.BASELINE_LONGEST_RUN_KM, baselineLongest);
		Pain pain = pick(random, Pain.values());
		if (pain.present()) {
			runner = runner.inPain(pain, random.nextInt(30), random.nextInt(11));
		}
		return runner.with(Question.AGE_YEARS, 16 + random.nextInt(80))
			.with(Question.SMOKER, random.nextBoolean())
			.with(Question.UNEVEN_SURFACES, pick(random, Surface.values()))
			.with(Question.FOOTWEAR, pick(random, Footwear.values()))
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, random.nextInt(4))
			.with(Question.SIDE_TO_SIDE_DIFFERENCE, pick(random, SideDifference.values()))
			.with(Question.FORM_CONCERNS, pick(random, FormConcern.values()))
			.with(Question.CONDITIONS, random.nextBoolean() ? Set.of(Condition.PREVIOUS_BACK_PAIN) : Set.of())
			.with(Question.INTENSITY_CHANGE, pick(random, IntensityChange.values()))
			.with(Question.PREGNANT_OR_POSTPARTUM, random.nextInt(10) == 0)
			.with(Question.SEXUAL_DYSFUNCTION, random.nextInt(20) == 0)
			.with(Question.WARNING_SIGNS, (random.nextInt(5) == 0) ? Set.of(WarningSign.CANCER_HISTORY) : Set.of())
			.json();
	}

	private static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
