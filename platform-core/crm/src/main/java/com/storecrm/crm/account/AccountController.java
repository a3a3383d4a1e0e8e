package com.storecrm.crm.account;

import com.storecrm.crm.organisation.RelatedTeamRequest;
import com.storecrm.crm.organisation.TeamMember;
import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(summary = "Create a customer profile", description = "Owned by the caller. 409 naming "
            + "`existingAccountId` when a profile of the store has the mobile number or chat id (dual check).")
    ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount request) {
        AccountView created = accounts.create(request);
        return ResponseEntity.created(URI.create("/api/accounts/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a customer profile", description = "Same dual check as creation; the store stays.")
    AccountView update(@PathVariable UUID id, @Valid @RequestBody NewAccount request) {
        return accounts.update(id, request);
    }

    @GetMapping("/{id}/related-team")
    @Operation(summary = "The customer's related team", description = "Members read the customer; READ_WRITE members "
            + "(and their superiors) also work it.")
    List<TeamMember> relatedTeam(@PathVariable UUID id) {
        return accounts.relatedTeam(id);
    }

    @PutMapping("/{id}/related-team")
    @Operation(summary = "Replace the customer's related team", description = "By those who may change the customer; "
            + "every member a distinct user who works in its store (400 naming members[i].userId).")
    List<TeamMember> replaceRelatedTeam(@PathVariable UUID id, @Valid @RequestBody RelatedTeamRequest request) {
        return accounts.replaceRelatedTeam(id, request);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable UUID id) {
        return accounts.get(id);
    }

    @GetMapping
    @Operation(summary = "List customer profiles", description = "Reps see their own customers and the high seas "
            + "of their stores; supervisors every customer of their stores.")
    PageResponse<AccountView> list(@RequestParam(required = false) UUID storeId,
                                   @RequestParam(required = false) OwnershipStatus ownership,
                                   @RequestParam(required = false) UUID ownerId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String sort) {
        return accounts.list(storeId, ownership, ownerId, page, size, sort);
    }

    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactView addContact(@PathVariable UUID id, @Valid @RequestBody NewContact request) {
        return accounts.addContact(id, request);
    }

    @GetMapping("/{id}/contacts")
    List<ContactView> contacts(@PathVariable UUID id) {
        return accounts.contacts(id);
    }

    @PostMapping("/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpView addFollowUp(@PathVariable UUID id, @Valid @RequestBody NewFollowUp request) {
        return accounts.addFollowUp(id, request);
    }

    @GetMapping("/{id}/follow-ups")
    List<FollowUpView> followUps(@PathVariable UUID id) {
        return accounts.followUps(id);
    }
}
