package com.sciaticacheck.account;

import jakarta.validation.constraints.NotBlank;

/** The code mailed to confirm a new device. */
record DeviceCodeForm(@NotBlank(message = "{account.code.required}") String code) {

}
