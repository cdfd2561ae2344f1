package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follow-up check over real HTTP, through a host that says its check is one, as a
 * client's link will once links belong to clients: the questionnaire asks, and needs, how
 * the person is compared with their last check, and the result says it in words. The
 * runner's own check never asks it ({@link AssessmentPagesTests}).
 */
@RunningAppTest
class FollowUpCheckTests {

	private static final String PATH = "/test-follow-up";

	@LocalServerPort
	private int port;

	@Test
	void aFollowUpAsksHowThingsChangedBeforeThePainNow() {
		Document page = post(PATH + "/safety", RunnerFixture.safetyNo()).document();
		Element change = page.getElementById(PageFields.CHANGE).closest("fieldset");
		assertThat(change.selectFirst("legend").text()).isEqualTo("Compared with your last check, how are you now?");
		assertThat(change.select("input[type=radio]")).extracting((input) -> input.val())
			.containsExactly("MUCH_BETTER", "BETTER", "ABOUT_THE_SAME", "WORSE", "MUCH_WORSE");
		assertThat(change.select("label")).extracting(Element::text)
			.containsExactly("Much better", "Better", "About the same", "Worse", "Much worse");
		List<String> painSection = page.getElementById("section-pain")
			.parent()
			.select("input[type=radio], input[type=text]")
			.eachAttr("name")
			.stream()
			.distinct()
			.toList();
		assertThat(painSection).startsWith(PageFields.CHANGE, PageFields.PAIN, PageFields.PAIN_WEEKS,
				PageFields.PAIN_SEVERITY, PageFields.LEG_PAIN_AVERAGE, PageFields.BACK_PAIN_AVERAGE);
	}

	@Test
	void aFollowUpNeedsTheAnswerAndTheResultSaysItInWords() {
		Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.calm().inPain(Pain.ONE_LEG, 8, 5, 3, 1).page());
		Document missing = post(PATH + "/result", answers).document();
		assertThat(missing.getElementById(PageFields.CHANGE + "-error").text())
			.contains("Select how you are compared with your last check");
		assertThat(missing.text()).doesNotContain("out of 100");

		answers.put(PageFields.CHANGE, ChangeSinceLastCheck.BETTER.name());
		String result = post(PATH + "/result", answers).document().selectFirst("main").text();
		assertThat(result).containsSubsequence("Your symptoms now", "You have pain spreading down one leg",
				"On average over the last 7 days, the pain in your leg was 3 out of 10.",
				"On average over the last 7 days, the pain in your back was 1 out of 10.",
				"You told us you are better than at your last check.", "0 out of 100");

		answers.put(PageFields.CHANGE, "A_BIT_BETTER");
		assertThat(post(PATH + "/result", answers).document().getElementById(PageFields.CHANGE + "-error")).isNotNull();
	}

	@Test
	void aFollowUpWithoutPainStillSaysHowThingsChanged() {
		Map<String, String> answers = new LinkedHashMap<>(
				RunnerFixture.calm().with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.MUCH_BETTER).page());
		String result = post(PATH + "/result", answers).document().selectFirst("main").text();
		assertThat(result)
			.contains("You told us you have no back or leg pain now.",
					"You told us you are much better than at your last check.")
			.doesNotContain("On average over the last 7 days");
	}

	private Browserless.Page post(String path, Map<String, String> form) {
		Browserless.Page page = new Browserless(this.port).post(path, form);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FollowUpHost {

		@Bean
		FollowUpCheck followUpCheck(CheckFlow flow) {
			return new FollowUpCheck(flow);
		}

	}

	/** A check that follows an earlier one, as a client's link will say. */
	@Controller
	@RequestMapping(PATH)
	static class FollowUpCheck implements CheckHost {

		private final CheckFlow flow;

		FollowUpCheck(CheckFlow flow) {
			this.flow = flow;
		}

		@Override
		public CheckPage page() {
			return new CheckPage(PATH, PATH, null, null, null, CheckPage.DISCLAIMER, true);
		}

		@Override
		public String conclude(CheckOutcome outcome, Model model) {
			return this.flow.show(outcome, model);
		}

		@PostMapping("/safety")
		String checkSafety(HttpServletRequest request, Model model) {
			return this.flow.checkSafety(this, request.getParameterMap(), model);
		}

		@PostMapping("/result")
		String result(HttpServletRequest request, Model model) {
			return this.flow.submitQuestionnaire(this, request.getParameterMap(), model);
		}

	}

}
