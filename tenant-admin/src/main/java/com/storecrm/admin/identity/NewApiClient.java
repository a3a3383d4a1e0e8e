package com.storecrm.admin.identity;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record NewApiClient(@NotNull UUID userId) {
}
