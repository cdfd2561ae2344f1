package com.sciaticacheck.share;

import java.time.LocalDate;

import com.sciaticacheck.rules.Referral;

/**
 * One check of a client on their timeline: its tier, its risk-factor score and the two
 * pain scores, each {@code null} where the check has none (a check stopped at the safety
 * questions has no score; a runner without pain was not asked about it).
 *
 * @param date the day it was shared
 * @param tier how soon to see a professional
 * @param score the risk-factor score, 0 to 100
 * @param legPain leg pain on average over the last week, 0 to 10
 * @param backPain back pain on average over the last week, 0 to 10
 */
public record TimelinePoint(LocalDate date, Referral tier, Integer score, Integer legPain, Integer backPain) {

}
