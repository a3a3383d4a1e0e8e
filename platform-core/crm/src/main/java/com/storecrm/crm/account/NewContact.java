package com.storecrm.crm.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewContact(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String title,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String mobile,
        @Size(max = 100) String chatId,
        @Email @Size(max = 254) String email) {
}
