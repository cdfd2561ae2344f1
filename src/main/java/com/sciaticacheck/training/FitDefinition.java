package com.sciaticacheck.training;

import java.io.IOException;

/**
 * How the data messages of one local message type are laid out, as a FIT file's
 * definition message says: which global message they are, their byte order, and their
 * fields in order. Every size comes from single bytes, so no definition, however odd, can
 * make a message longer than about 128 KB, and a message is skipped without being held.
 */
final class FitDefinition {

	/**
	 * The global message number of a session: one activity, or one leg of a multisport.
	 */
	static final int SESSION = 18;

	final int globalNumber;

	final boolean bigEndian;

	/** The bytes of one data message, developer fields included. */
	final int size;

	final int[] fieldNumbers;

	final int[] fieldSizes;

	final int[] baseTypes;

	private FitDefinition(int globalNumber, boolean bigEndian, int size, int[] fieldNumbers, int[] fieldSizes,
			int[] baseTypes) {
		this.globalNumber = globalNumber;
		this.bigEndian = bigEndian;
		this.size = size;
		this.fieldNumbers = fieldNumbers;
		this.fieldSizes = fieldSizes;
		this.baseTypes = baseTypes;
	}

	/**
	 * Reads a definition message after its record header.
	 * @param developerData whether the header says developer fields follow the fields:
	 * only their sizes matter here, to pass over them in each data message
	 */
	static FitDefinition read(FitInput in, boolean developerData) throws IOException, UnreadableFileException {
		in.u8(); // reserved
		int architecture = in.u8();
		if (architecture > 1) {
			// neither little nor big endian: these bytes are not a definition
			throw new UnreadableFileException("damaged");
		}
		boolean bigEndian = architecture == 1;
		int globalNumber = (int) in.unsigned(2, bigEndian);
		int count = in.u8();
		int[] numbers = new int[count];
		int[] sizes = new int[count];
		int[] baseTypes = new int[count];
		int size = 0;
		for (int i = 0; i < count; i++) {
			numbers[i] = in.u8();
			sizes[i] = in.u8();
			baseTypes[i] = in.u8();
			size += sizes[i];
		}
		if (developerData) {
			int developerCount = in.u8();
			for (int i = 0; i < developerCount; i++) {
				in.u8(); // field number
				size += in.u8();
				in.u8(); // developer data index
			}
		}
		return new FitDefinition(globalNumber, bigEndian, size, numbers, sizes, baseTypes);
	}

}
