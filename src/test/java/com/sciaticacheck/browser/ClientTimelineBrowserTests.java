package com.sciaticacheck.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A physio adds a client, the client answers three checks over six weeks of the test
 * clock, and the client's timeline reads in Chromium: the chart, its key, the table of
 * the same figures and what changed, with no axe violation on any new page.
 *
 * <p>
 * The pain averages are questions of the catalogue's own change: until the check asks
 * them, the test writes them into the stored answers under their API names.
 */
class ClientTimelineBrowserTests extends BrowserTestSupport {

	static final String PHYSIO = "physio@riverside.example";

	@Autowired
	MutableClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theTimelineOfThreeChecksReadsInTheBrowserAndPassesAxe() {
		this.clock.set(LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC));
		signIn(PHYSIO);
		clickAndWait(find("a[href='/clinic/clients']"));
		assertThat(heading()).isEqualTo("Your clients");
		assertThat(find("#no-personal-details").getText()).contains("never asks for a client's name");
		assertAccessible("clients, none yet");
		type("label", "jd@example.com");
		submit();
		assertThat(find(".error-summary").getText()).contains("Use only letters, numbers, spaces");
		assertAccessible("add a client, with errors");
		type("label", "JD");
		choose("followUp", "2");
		submit();
		assertThat(heading()).isEqualTo("Client JD");
		assertThat(find("img.qr").getAttribute("naturalWidth")).isNotEqualTo("0");
		assertAccessible("client, no checks yet");
		String link = find("#client-url").getAttribute("value").replaceFirst("^http://127.0.0.1:\\d+", "");
		String page = path().replace("?added", "");

		// the first check in the browser, as the client
		open(link);
		clickAndWait(find("a.button-start"));
		answerSafetyAllNo();
		answerQuestionnaire("KM", "34", "15");
		choose("share", "true");
		submit();
		assertThat(path()).startsWith("/r/");
		assertThat(find("#next-check").getText()).contains("every 2 weeks", "Your next check is due on");
		assertAccessible("client's result with their next check");
		painAverages(7, 4);
		this.clock.advance(Duration.ofDays(21));
		checkThroughTheLink(link, RunnerFixture.calm().inPain(Pain.ONE_LEG, 9, 4));
		painAverages(5, 4);
		this.clock.advance(Duration.ofDays(21));
		checkThroughTheLink(link,
				RunnerFixture.calm().inPain(Pain.ONE_LEG, 12, 2).with(Question.STRENGTH_SESSIONS_PER_WEEK, 0));
		painAverages(3, 3);

		// six weeks on: a sign-in lasts 12 hours
		browser().manage().deleteAllCookies();
		signIn(PHYSIO);
		open(page);
		assertThat(find("#timeline-trend").getText()).startsWith("Leg pain down from 7 to 3 over 6 weeks; "
				+ "back pain down from 4 to 3 over 6 weeks; risk-factor score");
		WebElement chart = find("svg.timeline-chart");
		assertThat(chart.getSize().getWidth()).as("drawn").isGreaterThan(200);
		assertThat(findAll("svg.timeline-chart polyline")).hasSize(3)
			.as("lines, never shapes filled under them")
			.allSatisfy((line) -> assertThat(line.getCssValue("fill")).isEqualTo("none"));
		assertThat(findAll("svg.timeline-chart circle.timeline-tier")).hasSize(3);
		assertThat(findAll("#checks tbody tr")).extracting(WebElement::getText)
			.satisfies((rows) -> assertThat(rows.get(0)).contains("7/10", "4/10"))
			.satisfies((rows) -> assertThat(rows.get(2)).contains("3/10", "3/10"));
		assertThat(find("#last-change").getText()).contains("What changed between the last two checks",
				"Risk factors that appeared", "You do not do strength exercises each week");
		assertAccessible("client timeline");
		screenshots("client-timeline");

		clickAndWait(find("a[href$='/delete']"));
		assertThat(heading()).isEqualTo("Delete client JD and all their checks?");
		assertAccessible("confirm delete client");

		open(find("a.button-secondary").getAttribute("href").replaceFirst("^http://127.0.0.1:\\d+", ""));
		clickAndWait(find("#checks tbody a"));
		assertThat(find("#on-timeline").getText()).isEqualTo("JD");
		assertAccessible("a check on a client's timeline");

		// two weeks after the last check, and a day: late
		this.clock.advance(Duration.ofDays(15));
		browser().manage().deleteAllCookies();
		signIn(PHYSIO);
		assertThat(find("#overdue").getText()).contains("Clients due a check (1)", "JD");
		assertAccessible("dashboard with a late client");
		open("/clinic/clients");
		assertAccessible("clients, one late");
		screenshots("clients");
	}

	/** A check through the client's link, shared, over plain HTTP. */
	private void checkThroughTheLink(String link, RunnerFixture runner) {
		Browserless client = new Browserless(this.port);
		client.get(link + "/assessment");
		client.post(link + "/safety", RunnerFixture.safetyNo());
		// a later check of the client's asks how they are since the last one
		Map<String, String> answers = new LinkedHashMap<>(runner.page());
		answers.put(Question.CHANGE_SINCE_LAST_CHECK.pageName(), "BETTER");
		assertThat(client.post(link + "/result", answers).document().selectFirst("h1").text())
			.isEqualTo("Before your result: share it?");
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		assertThat(client.post(link + "/consent", decision).status()).isEqualTo(302);
	}

	/** Writes the two pain averages into the newest stored answers. */
	private void painAverages(int leg, int back) {
		Map<String, Object> newest = this.jdbc
			.queryForMap("select id, answers from submission order by submitted_at desc, id desc limit 1");
		ObjectNode answers = (ObjectNode) this.json.readTree((String) newest.get("answers"));
		answers.put("legPainAverage", leg).put("backPainAverage", back);
		this.jdbc.update("update submission set answers = ? where id = ?", this.json.writeValueAsString(answers),
				((Number) newest.get("id")).longValue());
	}

}
