package com.sciaticacheck.share;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export as two spreadsheets read it: one that separates fields with ',' and one
 * set to ';' (common in Europe). Neither may find a field that starts a formula.
 */
class SubmissionCsvTests {

	/** Text a client could type as a reference, or an answer could hold. */
	static final List<String> HOSTILE = List.of("x;=1+1;y", "=HYPERLINK(\"http://x\")", "+1+1", "-1+1", "@SUM(A1)",
			"a,=1+1", "x; =1+1", "x;\"=1+1\"", "x;\"\"=1+1", "x;;@A1", "a\n=1+1", "a\r\n-2+3", "\t=1", "x;-5;+",
			"PREVIOUS_SCIATICA;HERNIATED_DISC", "J.D.", "-5", "-1.5", "", "x\"y");

	@Test
	void noFieldStartsAFormulaWhetherReadWithCommasOrSemicolons() {
		String csv = HOSTILE.stream().map(SubmissionExports::cell).collect(Collectors.joining(",")) + "\r\n";
		for (char separator : new char[] { ',', ';' }) {
			List<List<String>> rows = parse(csv, separator);
			assertThat(rows.stream().flatMap(List::stream)).as("fields read with '%s' from %s", separator, csv)
				.allSatisfy((field) -> assertThat(startsFormula(field)).as(field).isFalse());
		}
	}

	@Test
	void commasReadBackEveryCellWhole() {
		String csv = HOSTILE.stream().map(SubmissionExports::cell).collect(Collectors.joining(",")) + "\r\n";
		List<List<String>> rows = parse(csv, ',');
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).hasSize(HOSTILE.size());
		for (int i = 0; i < HOSTILE.size(); i++) {
			// the only change is an apostrophe at the start of a field that was a formula
			assertThat(rows.get(0).get(i).replace("'", "")).isEqualTo(HOSTILE.get(i).replace("'", ""));
		}
		assertThat(rows.get(0)).contains("-5", "-1.5", "J.D.", "PREVIOUS_SCIATICA;HERNIATED_DISC", "x;'=1+1;y");
	}

	@Test
	void quotesEveryCellThatHoldsASeparatorOfEitherKind() {
		assertThat(SubmissionExports.cell("a;b")).isEqualTo("\"a;b\"");
		assertThat(SubmissionExports.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(SubmissionExports.cell("x;=1+1;y")).isEqualTo("\"x;'=1+1;y\"");
		assertThat(SubmissionExports.cell("plain")).isEqualTo("plain");
	}

	/** What a spreadsheet would run: a field starting with =, +, -, @, tab or CR. */
	static boolean startsFormula(String field) {
		String start = field.stripLeading();
		if (field.startsWith("\t") || field.startsWith("\r")) {
			return true;
		}
		return !start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0 && !start.matches("-?\\d+(\\.\\d+)?");
	}

	/**
	 * RFC 4180 with the given separator: a quote opens a quoted field only at the start
	 * of a field, as spreadsheets read it.
	 */
	static List<List<String>> parse(String csv, char separator) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean atStart = true;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
				continue;
			}
			if (atStart && c == '"') {
				quoted = true;
				atStart = false;
			}
			else if (c == separator) {
				row.add(field.toString());
				field.setLength(0);
				atStart = true;
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				// the line break is read at the '\n'
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				atStart = true;
			}
			else {
				field.append(c);
				atStart = false;
			}
		}
		if (!row.isEmpty() || field.length() > 0) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
