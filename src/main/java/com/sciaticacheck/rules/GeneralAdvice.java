package com.sciaticacheck.rules;

/** Prevention advice given to every runner, after the advice that answers findings. */
public record GeneralAdvice(String adviceKey, String source) {
}
