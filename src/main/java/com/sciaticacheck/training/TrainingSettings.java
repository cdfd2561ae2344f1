package com.sciaticacheck.training;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of one import of training files, each also settable by environment variable,
 * such as {@code SCIATICA_TRAINING_CONCURRENT_IMPORTS=4}. The upload limit itself is
 * {@code spring.servlet.multipart.max-request-size}, which Tomcat enforces before any of
 * this runs.
 *
 * @param maxDecompressed how much all files of one import may come to once unzipped and
 * unpacked: more is refused as a likely zip or gzip bomb
 * @param maxActivities how many activities one import may hold
 * @param maxParseTime how long reading one import may take
 * @param concurrentImports how many uploads of the largest size may be received and read
 * at once on the instance: uploads are held in memory, so together they may hold at most
 * this many times the upload limit (smaller ones share it), plus what is being parsed
 */
@ConfigurationProperties("sciatica.training")
public record TrainingSettings(@DefaultValue("200MB") DataSize maxDecompressed, @DefaultValue("2000") int maxActivities,
		@DefaultValue("30s") Duration maxParseTime, @DefaultValue("2") int concurrentImports) {

	public TrainingSettings {
		if (maxDecompressed.toBytes() < 1 || maxActivities < 1 || maxParseTime.isNegative() || maxParseTime.isZero()
				|| concurrentImports < 1) {
			throw new IllegalArgumentException("sciatica.training.* limits must all be positive");
		}
	}

}
