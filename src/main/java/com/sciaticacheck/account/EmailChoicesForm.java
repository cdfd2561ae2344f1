package com.sciaticacheck.account;

/**
 * The account page's email choices, as two checkboxes post them: a box left unticked
 * sends nothing, so a missing value means "no".
 *
 * @param urgentAlerts "true" when an alert is wanted for each urgent result
 * @param dailySummary "true" when a daily summary of new answers is wanted
 */
record EmailChoicesForm(String urgentAlerts, String dailySummary) {

	boolean alerts() {
		return "true".equals(this.urgentAlerts);
	}

	boolean summary() {
		return "true".equals(this.dailySummary);
	}

}
