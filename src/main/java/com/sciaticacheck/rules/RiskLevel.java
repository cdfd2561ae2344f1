package com.sciaticacheck.rules;

/** The band the risk-factor score falls in. */
public enum RiskLevel {

	LOW, MODERATE, HIGH

}
