package com.sciaticacheck.system;

import java.util.List;

/**
 * A form or request whose answers must also fit together. Each problem names the field it
 * belongs to, so the error shows next to that field (pages) or names it (API).
 */
public interface CrossFieldChecked {

	List<FieldProblem> crossFieldProblems();

	/** A problem with one field, and the message key that explains it. */
	record FieldProblem(String field, String messageKey) {
	}

}
