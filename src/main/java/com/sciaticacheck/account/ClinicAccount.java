package com.sciaticacheck.account;

/**
 * The signed-in account, as the clinic pages see it: a controller method that declares a
 * parameter of this type gets the account of the current session (see
 * {@link CurrentAccountResolver}); every clinic address but the sign-in pages has one.
 *
 * @param id the account's database id, which links and tokens belong to
 * @param email its confirmed email address
 * @param displayName the clinic or practitioner name it signed up with
 */
public record ClinicAccount(long id, String email, String displayName) {

}
