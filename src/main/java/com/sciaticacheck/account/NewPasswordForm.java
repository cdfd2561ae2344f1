package com.sciaticacheck.account;

import jakarta.validation.constraints.NotBlank;

/** A new password, with the emailed token that allows setting it. */
record NewPasswordForm(String token, @NotBlank(message = "{account.password.required}") String password) {

}
