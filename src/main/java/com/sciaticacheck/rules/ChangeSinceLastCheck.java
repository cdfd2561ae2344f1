package com.sciaticacheck.rules;

/**
 * How a client is compared with their last check, in the five steps of a global rating of
 * change: asked only at a follow-up, never scored and never part of the tier.
 */
public enum ChangeSinceLastCheck {

	MUCH_BETTER, BETTER, ABOUT_THE_SAME, WORSE, MUCH_WORSE

}
