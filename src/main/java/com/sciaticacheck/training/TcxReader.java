package com.sciaticacheck.training;

import java.io.InputStream;
import java.util.List;

/** Placeholder: being written. */
final class TcxReader implements ActivityReader {

	@Override
	public List<Activity> read(InputStream content, String file, ImportBudget budget) throws UnreadableFileException {
		throw new UnreadableFileException("format");
	}

}
