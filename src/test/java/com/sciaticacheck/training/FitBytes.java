package com.sciaticacheck.training;

import java.io.ByteArrayOutputStream;

import com.garmin.fit.CRC;

/**
 * A FIT file written byte by byte in a test, for what Garmin's encoder never writes:
 * compressed timestamp headers, odd or broken definitions, other protocol versions. Its
 * check numbers come from Garmin's SDK, so a mistake in our own CRC cannot hide behind
 * the same mistake here.
 */
final class FitBytes {

	private final ByteArrayOutputStream records = new ByteArrayOutputStream();

	private int protocolVersion = 0x20;

	FitBytes protocolVersion(int version) {
		this.protocolVersion = version;
		return this;
	}

	FitBytes u8(int... bytes) {
		for (int b : bytes) {
			this.records.write(b);
		}
		return this;
	}

	/** An unsigned number of {@code size} bytes in the given byte order. */
	FitBytes number(long value, int size, boolean bigEndian) {
		for (int i = 0; i < size; i++) {
			int shift = 8 * (bigEndian ? size - 1 - i : i);
			this.records.write((int) (value >>> shift) & 0xFF);
		}
		return this;
	}

	/**
	 * A definition message without developer fields.
	 * @param fields the fields as triples of field number, size and base type
	 */
	FitBytes definition(int localType, boolean bigEndian, int globalNumber, int... fields) {
		u8(0x40 | localType, 0, bigEndian ? 1 : 0);
		number(globalNumber, 2, bigEndian);
		u8(fields.length / 3);
		return u8(fields);
	}

	/** The records with a 14-byte header and the file's check number. */
	byte[] file() {
		return file(this.records.size());
	}

	/** The records with a header that claims {@code dataSize} bytes of them. */
	byte[] file(long dataSize) {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		byte[] header = { 14, (byte) this.protocolVersion, 0x52, 0x08, (byte) dataSize, (byte) (dataSize >>> 8),
				(byte) (dataSize >>> 16), (byte) (dataSize >>> 24), '.', 'F', 'I', 'T' };
		file.writeBytes(header);
		int headerCrc = crc(0, header);
		file.write(headerCrc & 0xFF);
		file.write(headerCrc >>> 8);
		file.writeBytes(this.records.toByteArray());
		int fileCrc = crc(0, file.toByteArray());
		file.write(fileCrc & 0xFF);
		file.write(fileCrc >>> 8);
		return file.toByteArray();
	}

	private static int crc(int crc, byte[] bytes) {
		for (byte b : bytes) {
			crc = CRC.get16(crc, b);
		}
		return crc;
	}

}
