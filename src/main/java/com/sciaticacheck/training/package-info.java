/**
 * The runner's own training files (FIT, TCX, GPX, Strava's bulk export), read in memory
 * into the four load figures of the questionnaire: nothing of a file outlives the request
 * that brought it, and every limit of an import is kept here.
 *
 * <p>
 * It knows nothing of pages or answers: the check's pages and the JSON API each turn a
 * {@code TrainingSummary} into their own shape.
 */
@ApplicationModule(displayName = "Training files", allowedDependencies = { "system" })
package com.sciaticacheck.training;

import org.springframework.modulith.ApplicationModule;
