package com.storecrm.crm.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The stage feedback and completed tasks an advance (or a win) brings along. */
public record AdvanceRequest(@Size(max = 50) Map<String, @Size(max = 2000) String> feedback,
                             @Size(max = 50) List<@NotBlank @Size(max = 200) String> completedTasks) {
}
