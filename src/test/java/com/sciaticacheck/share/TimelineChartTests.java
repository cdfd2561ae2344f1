package com.sciaticacheck.share;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.sciaticacheck.rules.Referral;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline chart as a reader of the SVG gets it: three lines kept apart, a marker a
 * check, bands where pain moved 2 points or more, and the trend in words.
 */
class TimelineChartTests {

	private static final LocalDate FIRST = LocalDate.of(2026, 10, 15);

	private final TimelineChart chart = new TimelineChart(messages(), Locale.ENGLISH);

	@Test
	void threeChecksOverSixWeeksDrawThreeLinesTheirTiersAndTheTrendInWords() {
		List<TimelinePoint> checks = List.of(new TimelinePoint(FIRST, Referral.ROUTINE, 34, 7, 4),
				new TimelinePoint(FIRST.plusWeeks(3), Referral.ROUTINE, 34, 5, 4),
				new TimelinePoint(FIRST.plusWeeks(6), Referral.NONE, 34, 3, 3));

		Document svg = Jsoup.parse(this.chart.svg(checks), "", Parser.xmlParser());

		assertThat(svg.selectFirst("svg").attr("role")).isEqualTo("img");
		assertThat(svg.selectFirst("svg > title").text()).isEqualTo("Risk-factor score and pain scores at each check");
		assertThat(svg.selectFirst("svg > desc").text()).isEqualTo(
				"Leg pain down from 7 to 3 over 6 weeks; back pain down from 4 to 3 over 6 weeks; risk-factor score unchanged at 34.");
		assertThat(svg.select("polyline")).hasSize(3);
		assertThat(svg.select("polyline").eachAttr("class")).containsExactly("timeline-line timeline-score",
				"timeline-line timeline-leg", "timeline-line timeline-back");
		assertThat(svg.select("polyline.timeline-leg").attr("points").split(" ")).hasSize(3);
		assertThat(svg.select("circle.timeline-tier").eachAttr("class")).containsExactly("timeline-tier tier-ROUTINE",
				"timeline-tier tier-ROUTINE", "timeline-tier tier-NONE");
		// leg pain is 2 away from the first check at the second check, 4 at the third
		assertThat(svg.select("rect.timeline-band")).hasSize(2);
		assertThat(svg.select("[style]")).as("styled by classes only, for the CSP").isEmpty();
	}

	@Test
	void aChangeUnderTwoPointsIsNoBand() {
		List<TimelinePoint> checks = List.of(new TimelinePoint(FIRST, Referral.SOON, 40, 6, null),
				new TimelinePoint(FIRST.plusDays(10), Referral.SOON, 44, 5, null));

		Document svg = Jsoup.parse(this.chart.svg(checks), "", Parser.xmlParser());

		assertThat(svg.select("rect.timeline-band")).isEmpty();
		assertThat(svg.select("polyline")).hasSize(2);
		assertThat(svg.selectFirst("desc").text())
			.isEqualTo("Leg pain down from 6 to 5 over 10 days; risk-factor score up from 40 to 44 over 10 days.");
	}

	@Test
	void aCheckStoppedAtTheSafetyQuestionsHasAMarkerButNoScore() {
		List<TimelinePoint> checks = List.of(new TimelinePoint(FIRST, Referral.ROUTINE, 20, 5, 5),
				new TimelinePoint(FIRST.plusWeeks(2), Referral.EMERGENCY, null, null, null));

		Document svg = Jsoup.parse(this.chart.svg(checks), "", Parser.xmlParser());

		assertThat(svg.select("circle.timeline-tier")).hasSize(2);
		assertThat(svg.select("circle.tier-EMERGENCY title").text()).contains("A&E or 999 now");
		assertThat(svg.selectFirst("desc").text())
			.isEqualTo("2 checks over 2 weeks, without a score or pain score in both the first and the last.");
	}

	@Test
	void oneCheckOrNoneSaySo() {
		assertThat(Jsoup.parse(this.chart.svg(List.of()), "", Parser.xmlParser()).selectFirst("desc").text())
			.isEqualTo("No checks yet.");
		assertThat(Jsoup
			.parse(this.chart.svg(List.of(new TimelinePoint(FIRST, Referral.NONE, 10, 2, 1))), "", Parser.xmlParser())
			.selectFirst("desc")
			.text()).isEqualTo("One check so far, on 2026-10-15.");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/**
	 * Two checks of one day share a place on the chart: the more urgent tier is drawn
	 * last, on top, whichever came first, so the chart never hides it under a calmer one.
	 */
	@Test
	void aMoreUrgentTierOnTheSameDayIsNeverHiddenUnderACalmerOne() {
		List<TimelinePoint> checks = List.of(new TimelinePoint(FIRST, Referral.ROUTINE, 20, 5, 5),
				new TimelinePoint(FIRST.plusWeeks(2), Referral.EMERGENCY, null, null, null),
				new TimelinePoint(FIRST.plusWeeks(2), Referral.NONE, 10, 2, 2));

		Document svg = Jsoup.parse(this.chart.svg(checks), "", Parser.xmlParser());

		assertThat(svg.select("circle.timeline-tier").eachAttr("class")).containsExactly("timeline-tier tier-ROUTINE",
				"timeline-tier tier-NONE", "timeline-tier tier-EMERGENCY");
		assertThat(svg.select("circle.timeline-tier").last().selectFirst("title").text()).contains("A&E or 999 now");
	}

}
