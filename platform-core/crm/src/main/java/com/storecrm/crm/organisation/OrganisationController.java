package com.storecrm.crm.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organisation and data permissions")
class OrganisationController {

    private final Organisation organisation;

    OrganisationController(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/api/departments")
    @Operation(summary = "The tenant's departments with heads and members (every user of the tenant)")
    List<DepartmentView> departments() {
        return organisation.departments();
    }

    @PostMapping("/api/departments")
    @Operation(summary = "Create a department (tenant administrator)", description = "name unique in the tenant "
            + "(any case); parentId: an existing department or none (top level); headId: a user of the tenant.")
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody NewDepartment request) {
        DepartmentView created = organisation.createDepartment(request);
        return ResponseEntity.created(URI.create("/api/departments/" + created.id())).body(created);
    }

    @PutMapping("/api/departments/{id}")
    @Operation(summary = "Rename, move or change the head of a department (tenant administrator)",
            description = "A department cannot move under itself or one of its sub-departments.")
    DepartmentView changeDepartment(@PathVariable UUID id, @Valid @RequestBody NewDepartment request) {
        return organisation.changeDepartment(id, request);
    }

    @DeleteMapping("/api/departments/{id}")
    @Operation(summary = "Delete an empty department (tenant administrator)", description = "409 while it has "
            + "members, sub-departments or sharing rules naming it.")
    ResponseEntity<Void> deleteDepartment(@PathVariable UUID id) {
        organisation.deleteDepartment(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/departments/{id}/members")
    @Operation(summary = "Make this the primary department of users (tenant administrator)",
            description = "A user has one primary department; joining this one leaves any other.")
    DepartmentView addMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return organisation.addMembers(id, request);
    }

    @DeleteMapping("/api/departments/{id}/members/{userId}")
    @Operation(summary = "Take a user out of the department (tenant administrator)")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
        organisation.removeMember(id, userId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/user-groups")
    @Operation(summary = "The tenant's user groups (every user of the tenant)")
    List<UserGroupView> groups() {
        return organisation.groups();
    }

    @PostMapping("/api/user-groups")
    @Operation(summary = "Create a user group (tenant administrator)")
    ResponseEntity<UserGroupView> createGroup(@Valid @RequestBody NewUserGroup request) {
        UserGroupView created = organisation.createGroup(request);
        return ResponseEntity.created(URI.create("/api/user-groups/" + created.id())).body(created);
    }

    @PutMapping("/api/user-groups/{id}/members")
    @Operation(summary = "Replace a group's members (tenant administrator)")
    UserGroupView replaceGroupMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return organisation.replaceGroupMembers(id, request);
    }

    @DeleteMapping("/api/user-groups/{id}")
    @Operation(summary = "Delete a user group no sharing rule names (tenant administrator)")
    ResponseEntity<Void> deleteGroup(@PathVariable UUID id) {
        organisation.deleteGroup(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/sharing-rules")
    @Operation(summary = "The tenant's data-sharing rules (tenant administrator)")
    List<SharingRuleView> sharingRules() {
        return organisation.sharingRules();
    }

    @PostMapping("/api/sharing-rules")
    @Operation(summary = "Share records (tenant administrator)", description = "Records of recordType owned by "
            + "source (a user, or any member of a department) become visible to target (a user, a department's "
            + "members or a group's members), to READ or READ_WRITE. 409 for the same rule twice.")
    ResponseEntity<SharingRuleView> createSharingRule(@Valid @RequestBody NewSharingRule request) {
        SharingRuleView created = organisation.createSharingRule(request);
        return ResponseEntity.created(URI.create("/api/sharing-rules/" + created.id())).body(created);
    }

    @DeleteMapping("/api/sharing-rules/{id}")
    @Operation(summary = "Delete a sharing rule (tenant administrator)")
    ResponseEntity<Void> deleteSharingRule(@PathVariable UUID id) {
        organisation.deleteSharingRule(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/organisation/settings")
    @Operation(summary = "The tenant's visibility settings")
    OrganisationSettings settings() {
        return organisation.settings();
    }

    @PutMapping("/api/organisation/settings")
    @Operation(summary = "Change the visibility settings (tenant administrator)", description = "headsSeeChildDepartments: "
            + "whether a department head also sees the records of its sub-departments' members.")
    OrganisationSettings changeSettings(@Valid @RequestBody OrganisationSettings request) {
        return organisation.changeSettings(request);
    }
}
