package com.storecrm.crm.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole related team of a record; members left out leave the team. */
public record RelatedTeamRequest(@NotNull @Size(max = 20) List<@Valid @NotNull TeamMember> members) {
}
