package com.sciaticacheck.assessment;

import org.springframework.ui.Model;

/**
 * The one extension point of the check: who runs it. The runner's own check shows the
 * outcome at once; a check through a physio's link adds the clinic's heading and asks for
 * consent before the result. The steps, and the emergency gate, stay in
 * {@link CheckFlow}.
 */
public interface CheckHost {

	/**
	 * Where the check posts to and what the host adds to its pages, and whether the check
	 * is a follow-up ({@link CheckPage#followUp()}), which only the host can know.
	 */
	CheckPage page();

	/**
	 * What the person sees once the outcome is known; the form that led to it is in the
	 * model already.
	 * @return the view name
	 */
	String conclude(CheckOutcome outcome, Model model);

}
