package com.sciaticacheck.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Walks the records of a FIT file, or of several FIT files chained back to back, and
 * hands on the values of each session message; every other message is passed over unread.
 * It follows the published FIT protocol only as far as these needs go, and holds no more
 * than one buffer and the definitions in force, whatever the size of the file.
 *
 * <p>
 * Every byte is checked: a file whose check number (CRC) does not match, whose records
 * run past the end its header gives, or that ends too soon fails as a whole, as the
 * figures of a damaged file cannot be trusted. Sessions handed on before such a failure
 * are to be dropped by the caller.
 */
final class FitDecoder {

	/**
	 * How often the import's clock is looked at: often enough, rarely enough to cost
	 * nothing.
	 */
	private static final int RECORDS_BETWEEN_CLOCK_CHECKS = 4096;

	/** The newest FIT protocol major version this decoder knows. */
	private static final int MAX_PROTOCOL_MAJOR = 2;

	private final FitInput in;

	private final ImportBudget budget;

	/** The definitions in force, by local message type. */
	private final FitDefinition[] definitions = new FitDefinition[16];

	private int records;

	FitDecoder(InputStream content, ImportBudget budget) {
		this.in = new FitInput(content);
		this.budget = budget;
	}

	void decode(Consumer<FitSession> sessions) throws IOException, UnreadableFileException {
		if (this.in.atEnd()) {
			throw new UnreadableFileException("empty");
		}
		boolean first = true;
		do {
			decodeFile(first, sessions);
			first = false;
		}
		while (!this.in.atEnd());
	}

	private void decodeFile(boolean first, Consumer<FitSession> sessions) throws IOException, UnreadableFileException {
		this.in.startFile();
		long dataSize = header(first);
		// local message types are defined afresh in each chained file
		Arrays.fill(this.definitions, null);
		long dataEnd = this.in.position() + dataSize;
		while (this.in.position() < dataEnd) {
			record(sessions);
			if (++this.records % RECORDS_BETWEEN_CLOCK_CHECKS == 0) {
				this.budget.checkTime();
			}
		}
		if (this.in.position() != dataEnd) {
			// the last record ran past the end the header gives
			throw new UnreadableFileException("damaged");
		}
		int computed = this.in.crc();
		if (this.in.unsigned(2, false) != computed) {
			throw new UnreadableFileException("badCrc");
		}
	}

	/** Reads a file header, returning the size of the records that follow it. */
	private long header(boolean first) throws IOException, UnreadableFileException {
		// bytes after a complete file that are not another FIT file damage the whole
		String notAHeader = first ? "notFit" : "damaged";
		int headerSize = this.in.u8();
		if (headerSize != 12 && headerSize != 14) {
			throw new UnreadableFileException(notAHeader);
		}
		int protocolVersion = this.in.u8();
		this.in.unsigned(2, false); // profile version
		long dataSize = this.in.unsigned(4, false);
		if (this.in.u8() != '.' || this.in.u8() != 'F' || this.in.u8() != 'I' || this.in.u8() != 'T') {
			throw new UnreadableFileException(notAHeader);
		}
		if ((protocolVersion >> 4) > MAX_PROTOCOL_MAJOR) {
			throw new UnreadableFileException("fitVersion");
		}
		if (headerSize == 14) {
			int computed = this.in.crc();
			long stored = this.in.unsigned(2, false);
			// 0 is a header whose writer did not set its check
			if (stored != 0 && stored != computed) {
				throw new UnreadableFileException("badCrc");
			}
		}
		return dataSize;
	}

	private void record(Consumer<FitSession> sessions) throws IOException, UnreadableFileException {
		int header = this.in.u8();
		if ((header & 0x80) != 0) {
			// a compressed timestamp header: a data message of local type 0 to 3; its
			// time is not needed, as a session gives its start in a field
			data((header >> 5) & 0x03, sessions);
		}
		else if ((header & 0x40) != 0) {
			this.definitions[header & 0x0F] = FitDefinition.read(this.in, (header & 0x20) != 0);
		}
		else {
			data(header & 0x0F, sessions);
		}
	}

	private void data(int localType, Consumer<FitSession> sessions) throws IOException, UnreadableFileException {
		FitDefinition definition = this.definitions[localType];
		if (definition == null) {
			// data before its definition: the bytes are not where they should be
			throw new UnreadableFileException("damaged");
		}
		if (definition.globalNumber != FitDefinition.SESSION) {
			this.in.skip(definition.size);
			return;
		}
		long startTime = FitSession.NOT_SET;
		long sport = FitSession.NOT_SET;
		long subSport = FitSession.NOT_SET;
		long totalDistance = FitSession.NOT_SET;
		long timestamp = FitSession.NOT_SET;
		int read = 0;
		for (int i = 0; i < definition.fieldNumbers.length; i++) {
			int size = definition.fieldSizes[i];
			read += size;
			switch (definition.fieldNumbers[i]) {
				case FitSession.START_TIME -> startTime = value(size, definition.baseTypes[i], definition.bigEndian);
				case FitSession.SPORT -> sport = value(size, definition.baseTypes[i], definition.bigEndian);
				case FitSession.SUB_SPORT -> subSport = value(size, definition.baseTypes[i], definition.bigEndian);
				case FitSession.TOTAL_DISTANCE ->
					totalDistance = value(size, definition.baseTypes[i], definition.bigEndian);
				case FitSession.TIMESTAMP -> timestamp = value(size, definition.baseTypes[i], definition.bigEndian);
				default -> this.in.skip(size);
			}
		}
		this.in.skip(definition.size - read); // developer fields
		sessions.accept(new FitSession(startTime, sport, subSport, totalDistance, timestamp));
	}

	/**
	 * A field's value where it is a single unsigned number (enum, uint8/16/32, their "z"
	 * forms or a byte) of the size its base type says; otherwise, or where it holds the
	 * protocol's invalid value, {@link FitSession#NOT_SET}. An array or a field of an odd
	 * size is passed over rather than guessed at.
	 */
	private long value(int size, int baseType, boolean bigEndian) throws IOException, UnreadableFileException {
		int type = baseType & 0x1F;
		int typeSize = switch (type) {
			case 0x00, 0x02, 0x0A, 0x0D -> 1;
			case 0x04, 0x0B -> 2;
			case 0x06, 0x0C -> 4;
			default -> 0;
		};
		if (typeSize == 0 || size != typeSize) {
			this.in.skip(size);
			return FitSession.NOT_SET;
		}
		long value = this.in.unsigned(size, bigEndian);
		boolean zeroInvalid = type == 0x0A || type == 0x0B || type == 0x0C;
		long invalid = zeroInvalid ? 0 : (1L << (8 * size)) - 1;
		return (value == invalid) ? FitSession.NOT_SET : value;
	}

}
