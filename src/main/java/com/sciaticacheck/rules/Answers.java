package com.sciaticacheck.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A runner's answers, already validated and in kilometres. Derived measures (BMI, load
 * increases) live here as small named methods so the rule table holds only thresholds.
 *
 * @param heightCm optional, only used together with {@code weightKg}
 * @param weightKg optional, only used together with {@code heightCm}
 * @param painWeeks {@code null} when there is no pain
 * @param painSeverity 0 to 10, {@code null} when there is no pain
 */
public record Answers(int ageYears, Integer heightCm, Double weightKg, boolean smoker, double weeklyDistanceKm,
		double baselineWeeklyDistanceKm, double longestRunKm, double baselineLongestRunKm, Surface unevenSurfaces,
		Footwear footwear, int strengthSessionsPerWeek, SideDifference sideToSideDifference, FormConcern formConcerns,
		Set<Condition> conditions, Pain pain, Integer painWeeks, Integer painSeverity, Set<Symptom> symptoms,
		Set<WarningSign> warningSigns) {

	public Answers {
		Objects.requireNonNull(unevenSurfaces, "unevenSurfaces");
		Objects.requireNonNull(footwear, "footwear");
		Objects.requireNonNull(sideToSideDifference, "sideToSideDifference");
		Objects.requireNonNull(formConcerns, "formConcerns");
		Objects.requireNonNull(pain, "pain");
		conditions = immutableCopy(conditions, Condition.class);
		symptoms = immutableCopy(symptoms, Symptom.class);
		warningSigns = immutableCopy(warningSigns, WarningSign.class);
	}

	private static <E extends Enum<E>> Set<E> immutableCopy(Set<E> values, Class<E> type) {
		// EnumSet keeps the declared order, so findings and reasons come out in a stable
		// order
		return (values == null || values.isEmpty()) ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(values));
	}

	/** Body mass index, when both height and weight were given. */
	public OptionalDouble bmi() {
		if (this.heightCm == null || this.weightKg == null) {
			return OptionalDouble.empty();
		}
		double metres = this.heightCm / 100.0;
		return OptionalDouble.of(this.weightKg / (metres * metres));
	}

	/**
	 * How much longer the longest run of the last 7 days is than the longest run of the
	 * 30 days before, in percent. A zero baseline is a starting or returning runner: any
	 * run at all is then an unlimited increase, the largest jump there is, so every spike
	 * rule applies to it (and the score never drops as the baseline falls to zero).
	 */
	public double longestRunIncreasePercent() {
		return increasePercent(this.longestRunKm, this.baselineLongestRunKm);
	}

	/**
	 * How much more was run in the last 7 days than the weekly average of the 4 weeks
	 * before, in percent; a zero baseline is handled as in
	 * {@link #longestRunIncreasePercent()}.
	 */
	public double weeklyDistanceIncreasePercent() {
		return increasePercent(this.weeklyDistanceKm, this.baselineWeeklyDistanceKm);
	}

	private static double increasePercent(double now, double before) {
		if (before == 0) {
			return (now > 0) ? Double.POSITIVE_INFINITY : 0;
		}
		// rounded so that a boundary such as 13.2 km after 12 km is exactly 10%, not
		// 10.000000000000002%
		return Math.rint((now - before) / before * 100 * 10_000) / 10_000;
	}

}
