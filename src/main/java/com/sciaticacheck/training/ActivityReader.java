package com.sciaticacheck.training;

import java.io.InputStream;
import java.util.List;

/**
 * Reads the activities in one file of one format. The content is already decompressed and
 * metered by the import's {@link ImportBudget}: a reader reads it as a stream, keeps only
 * the {@link Activity activities} (never a point of a route), calls
 * {@link ImportBudget#countActivity()} for each one it finds, and turns every failure of
 * the file into an {@link UnreadableFileException} naming the reason. A limit of the
 * budget that trips inside a parser may come out wrapped in the parser's own exception:
 * the caller asks the budget, not the exception.
 */
interface ActivityReader {

	List<Activity> read(InputStream content, String file, ImportBudget budget) throws UnreadableFileException;

}
