package com.sciaticacheck.training;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a row of Strava's {@code activities.csv} keeps what an activity needs. The header
 * is in the runner's language and its names repeat ("Distance" twice), so no column is
 * found by an English name: each is known by its position and its content is checked.
 * <ul>
 * <li>Activity Date: column 1, read by {@link StravaDates}.</li>
 * <li>Activity Type: column 3, read by {@link StravaTypes}.</li>
 * <li>Distance in metres: the second column whose header is that of column 6 (the same
 * word in every language), holding a number with a dot. Column 6 itself is in the
 * runner's unit, km or miles, with a decimal comma in some languages: it is only a check
 * of the metres, and stands in for them, times the unit seen in other rows, where a row
 * has none.</li>
 * <li>Filename: the first column from 5 on that holds a path such as
 * {@code activities/123.fit.gz}; exports of different years have it at different places.
 * It is blank for an activity entered by hand.</li>
 * </ul>
 */
final class StravaColumns {

	static final int DATE = 1;

	static final int TYPE = 3;

	static final int DISTANCE = 6;

	/** Columns before this are the id, date, name, type and the runner's description. */
	private static final int FIRST_FILE_COLUMN = 5;

	private static final Pattern FILE = Pattern.compile("activities/[^/\\\\]+\\.[A-Za-z0-9.]+");

	private static final Pattern DOT_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

	private static final double KM = 1000;

	private static final double MILE = 1609.344;

	/** How closely metres over the shown distance must match a unit to tell it. */
	private static final double UNIT_TOLERANCE = 0.03;

	/** Below this shown distance, its rounding to two decimals hides the unit. */
	private static final double SMALLEST_CHECKED = 1.0;

	/**
	 * One row as far as an activity needs it; each part {@code null} where the row does
	 * not hold it readably.
	 *
	 * @param start when it started
	 * @param file the path of its file in the export
	 * @param metres how far it went
	 * @param type Strava's word for the sport
	 */
	record Row(Instant start, String file, Double metres, String type) {

	}

	private final int metresColumn;

	private int fileColumn = -1;

	/** Metres per unit of column 6, once a row has shown which unit it is. */
	private double unit = Double.NaN;

	StravaColumns(List<String> header) {
		this.metresColumn = secondColumnNamed(header, field(header, DISTANCE));
		this.unit = (this.metresColumn < 0) ? unitNamedIn(field(header, DISTANCE)) : Double.NaN;
	}

	Row read(List<String> fields) {
		String type = field(fields, TYPE);
		return new Row(StravaDates.parse(field(fields, DATE)), file(fields), metres(fields),
				type.isEmpty() ? null : type);
	}

	private String file(List<String> fields) {
		if (this.fileColumn < 0) {
			for (int column = FIRST_FILE_COLUMN; column < fields.size(); column++) {
				if (FILE.matcher(fields.get(column).strip()).matches()) {
					this.fileColumn = column;
					break;
				}
			}
		}
		String file = field(fields, this.fileColumn).replace('\\', '/');
		while (file.startsWith("/")) {
			file = file.substring(1);
		}
		return file.isEmpty() ? null : file;
	}

	private Double metres(List<String> fields) {
		double shown = number(field(fields, DISTANCE).replace(" ", ""), true);
		double metres = number(field(fields, this.metresColumn), false);
		if (!Double.isNaN(metres)) {
			if (Double.isNaN(shown) || shown < SMALLEST_CHECKED) {
				return metres;
			}
			double unitSeen = unitOf(metres / shown);
			if (!Double.isNaN(unitSeen)) {
				this.unit = unitSeen;
				return metres;
			}
			// metres that are neither km nor miles of the shown distance are not metres
		}
		return (!Double.isNaN(shown) && !Double.isNaN(this.unit)) ? shown * this.unit : null;
	}

	/** The unit whose ratio this is, km or mile in metres, or NaN. */
	private static double unitOf(double ratio) {
		for (double unit : new double[] { KM, MILE }) {
			if (Math.abs(ratio / unit - 1) <= UNIT_TOLERANCE) {
				return unit;
			}
		}
		return Double.NaN;
	}

	/**
	 * A number, 0 or more, or NaN. With {@code localised}, a decimal comma is read too,
	 * and where a comma and a dot both appear the last is the decimal one.
	 */
	private static double number(String text, boolean localised) {
		String plain = text.strip();
		if (localised) {
			int comma = plain.lastIndexOf(',');
			int dot = plain.lastIndexOf('.');
			plain = (comma > dot) ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
		}
		if (!DOT_NUMBER.matcher(plain).matches()) {
			return Double.NaN;
		}
		double number = Double.parseDouble(plain);
		return Double.isFinite(number) ? number : Double.NaN;
	}

	/** Where there is no metres column, the unit the header of column 6 names, if any. */
	private static double unitNamedIn(String header) {
		List<String> words = List.of(header.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
		if (words.contains("km") || words.contains("kilometres") || words.contains("kilometers")) {
			return KM;
		}
		return (words.contains("mi") || words.contains("miles")) ? MILE : Double.NaN;
	}

	private static int secondColumnNamed(List<String> header, String name) {
		if (name.isEmpty()) {
			return -1;
		}
		for (int column = DISTANCE + 1; column < header.size(); column++) {
			if (header.get(column).strip().equalsIgnoreCase(name)) {
				return column;
			}
		}
		return -1;
	}

	private static String field(List<String> fields, int column) {
		return (column >= 0 && column < fields.size()) ? fields.get(column).strip() : "";
	}

}
