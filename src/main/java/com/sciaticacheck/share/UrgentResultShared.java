package com.sciaticacheck.share;

/**
 * A client shared a result that tells them to get help now or today (its tier is
 * {@link com.sciaticacheck.rules.Referral#EMERGENCY}, or
 * {@link com.sciaticacheck.rules.Referral#URGENT} as the current rules mean it), through
 * a link of an account. Published in the transaction that stores the submission, so it is
 * stored with it and never without it; it names both by id only, so the event publication
 * table holds no health data.
 *
 * @param submissionId the submission's database id
 * @param accountId the account the link belongs to
 */
public record UrgentResultShared(long submissionId, long accountId) {

}
