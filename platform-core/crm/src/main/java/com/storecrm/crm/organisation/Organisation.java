package com.storecrm.crm.organisation;

import com.storecrm.crm.organisation.internal.Department;
import com.storecrm.crm.organisation.internal.DepartmentMember;
import com.storecrm.crm.organisation.internal.DepartmentMemberRepository;
import com.storecrm.crm.organisation.internal.DepartmentRepository;
import com.storecrm.crm.organisation.internal.OrganisationRule;
import com.storecrm.crm.organisation.internal.OrganisationRuleRepository;
import com.storecrm.crm.organisation.internal.SharingRule;
import com.storecrm.crm.organisation.internal.SharingRuleRepository;
import com.storecrm.crm.organisation.internal.UserGroup;
import com.storecrm.crm.organisation.internal.UserGroupRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's organisation (SPEC §3.1): departments with heads and members, user groups and data
 * sharing rules, and the visibility setting. Every user of the tenant reads it (to pick departments
 * and colleagues); only the tenant administrator changes it. Users and superiors are the platform's
 * (tenant-admin); here they are only named, and every named user must belong to the caller's tenant.
 */
@Service
public class Organisation {

    @PersistenceContext
    private EntityManager entityManager;

    private final DepartmentRepository departments;
    private final DepartmentMemberRepository members;
    private final UserGroupRepository groups;
    private final SharingRuleRepository rules;
    private final OrganisationRuleRepository settings;
    private final Clock clock;

    Organisation(DepartmentRepository departments, DepartmentMemberRepository members, UserGroupRepository groups,
                 SharingRuleRepository rules, OrganisationRuleRepository settings, Clock clock) {
        this.departments = departments;
        this.members = members;
        this.groups = groups;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        TenantContext.require();
        Map<UUID, List<UUID>> memberIds = members.findAll().stream().collect(Collectors.groupingBy(
                DepartmentMember::departmentId, Collectors.mapping(DepartmentMember::userId, Collectors.toList())));
        return departments.findAllByOrderByNameAsc().stream()
                .map(d -> view(d, memberIds.getOrDefault(d.id(), List.of()))).toList();
    }

    @Transactional
    public DepartmentView createDepartment(NewDepartment request) {
        TenantScope admin = requireAdmin();
        if (departments.existsByNameIgnoreCase(request.name().trim())) {
            throw ApiProblem.invalidField("name", "a department of that name exists");
        }
        Department department = Department.create(request.name(), existingParent(request.parentId()),
                head(admin, request.headId()));
        return view(saveUnique(department), List.of());
    }

    @Transactional
    public DepartmentView changeDepartment(UUID id, NewDepartment request) {
        TenantScope admin = requireAdmin();
        Department department = department(id);
        if (!department.name().equalsIgnoreCase(request.name().trim())
                && departments.existsByNameIgnoreCase(request.name().trim())) {
            throw ApiProblem.invalidField("name", "a department of that name exists");
        }
        UUID parent = existingParent(request.parentId());
        if (parent != null && isAtOrBelow(parent, id)) {
            throw ApiProblem.invalidField("parentId", "a department cannot move under itself or its own sub-department");
        }
        department.rename(request.name());
        department.moveUnder(parent);
        department.ledBy(head(admin, request.headId()));
        return view(saveUnique(department), members.findByDepartmentId(id).stream().map(DepartmentMember::userId).toList());
    }

    /** Removes an empty department; one with members, sub-departments or sharing rules naming it is kept (409). */
    @Transactional
    public void deleteDepartment(UUID id) {
        requireAdmin();
        Department department = department(id);
        if (members.existsByDepartmentId(id) || departments.existsByParentId(id)) {
            throw ApiProblem.conflict("the department still has members or sub-departments");
        }
        if (rules.existsBySourceKindAndSourceId(SharingSource.Kind.DEPARTMENT, id)
                || rules.existsByTargetKindAndTargetId(SharingTarget.Kind.DEPARTMENT, id)) {
            throw ApiProblem.conflict("sharing rules name the department; delete them first");
        }
        departments.delete(department);
    }

    /** Makes the department the primary department of these users (moving them from any other). */
    @Transactional
    public DepartmentView addMembers(UUID id, MembersRequest request) {
        TenantScope admin = requireAdmin();
        Department department = department(id);
        Set<UUID> users = requireTenantUsers(admin, request.userIds(), "userIds");
        Instant now = Instant.now(clock);
        for (UUID user : users) {
            members.findById(user).ifPresentOrElse(member -> member.moveTo(id, admin.userId(), now),
                    () -> members.save(new DepartmentMember(user, id, admin.userId(), now)));
        }
        members.flush();
        return view(department, members.findByDepartmentId(id).stream().map(DepartmentMember::userId).toList());
    }

    @Transactional
    public void removeMember(UUID id, UUID userId) {
        requireAdmin();
        department(id);
        DepartmentMember member = members.findById(userId).filter(m -> m.departmentId().equals(id))
                .orElseThrow(() -> ApiProblem.notFound("department member"));
        members.delete(member);
    }

    @Transactional(readOnly = true)
    public List<UserGroupView> groups() {
        TenantContext.require();
        return groups.findAllByOrderByNameAsc().stream().map(Organisation::view).toList();
    }

    @Transactional
    public UserGroupView createGroup(NewUserGroup request) {
        TenantScope admin = requireAdmin();
        if (groups.existsByNameIgnoreCase(request.name().trim())) {
            throw ApiProblem.invalidField("name", "a group of that name exists");
        }
        Set<UUID> users = requireTenantUsers(admin, request.memberIdsOrEmpty(), "memberIds");
        UserGroup group = UserGroup.create(request.name(), users, admin.userId(), Instant.now(clock));
        try {
            return view(groups.saveAndFlush(group));
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.invalidField("name", "a group of that name exists");
        }
    }

    @Transactional
    public UserGroupView replaceGroupMembers(UUID id, MembersRequest request) {
        TenantScope admin = requireAdmin();
        UserGroup group = groups.findById(id).orElseThrow(() -> ApiProblem.notFound("group"));
        group.replaceMembers(requireTenantUsers(admin, request.userIds(), "userIds"));
        return view(group);
    }

    @Transactional
    public void deleteGroup(UUID id) {
        requireAdmin();
        UserGroup group = groups.findById(id).orElseThrow(() -> ApiProblem.notFound("group"));
        if (rules.existsByTargetKindAndTargetId(SharingTarget.Kind.GROUP, id)) {
            throw ApiProblem.conflict("sharing rules name the group; delete them first");
        }
        groups.delete(group);
    }

    @Transactional(readOnly = true)
    public List<SharingRuleView> sharingRules() {
        requireAdmin();
        return rules.findAllByOrderByCreatedAtAsc().stream().map(Organisation::view).toList();
    }

    @Transactional
    public SharingRuleView createSharingRule(NewSharingRule request) {
        TenantScope admin = requireAdmin();
        SharingSource source = request.source();
        switch (source.kind()) {
            case USER -> requireTenantUsers(admin, List.of(source.id()), "source.id");
            case DEPARTMENT -> existing(source.id(), "source.id");
        }
        SharingTarget target = request.target();
        switch (target.kind()) {
            case USER -> requireTenantUsers(admin, List.of(target.id()), "target.id");
            case DEPARTMENT -> existing(target.id(), "target.id");
            case GROUP -> {
                if (!groups.existsById(target.id())) {
                    throw ApiProblem.invalidField("target.id", "no such group");
                }
            }
        }
        if (source.kind() == SharingSource.Kind.USER && target.kind() == SharingTarget.Kind.USER
                && source.id().equals(target.id())) {
            throw ApiProblem.invalidField("target.id", "a user's records are already theirs");
        }
        SharingRule rule = SharingRule.create(request.recordType(), source, target, request.access(),
                admin.userId(), Instant.now(clock));
        try {
            return view(rules.saveAndFlush(rule));
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.conflict("a rule already shares these records with this target");
        }
    }

    @Transactional
    public void deleteSharingRule(UUID id) {
        requireAdmin();
        rules.delete(rules.findById(id).orElseThrow(() -> ApiProblem.notFound("sharing rule")));
    }

    @Transactional(readOnly = true)
    public OrganisationSettings settings() {
        TenantContext.require();
        return new OrganisationSettings(rule().headsSeeChildDepartments());
    }

    @Transactional
    public OrganisationSettings changeSettings(OrganisationSettings request) {
        TenantScope admin = requireAdmin();
        OrganisationRule rule = rule();
        rule.change(request.headsSeeChildDepartments(), admin.userId(), Instant.now(clock));
        return new OrganisationSettings(rule.headsSeeChildDepartments());
    }

    private OrganisationRule rule() {
        return settings.findById(OrganisationRule.ID)
                .orElseThrow(() -> new IllegalStateException("no organisation settings in this tenant schema"));
    }

    private Department department(UUID id) {
        return departments.findById(id).orElseThrow(() -> ApiProblem.notFound("department"));
    }

    private void existing(UUID departmentId, String field) {
        if (!departments.existsById(departmentId)) {
            throw ApiProblem.invalidField(field, "no such department");
        }
    }

    private UUID existingParent(UUID parentId) {
        if (parentId != null) {
            existing(parentId, "parentId");
        }
        return parentId;
    }

    private UUID head(TenantScope admin, UUID headId) {
        if (headId != null) {
            requireTenantUsers(admin, List.of(headId), "headId");
        }
        return headId;
    }

    /** Whether {@code department} is {@code ancestor} or lies below it. */
    private boolean isAtOrBelow(UUID department, UUID ancestor) {
        Map<UUID, UUID> parents = new HashMap<>();
        departments.findAll().forEach(d -> parents.put(d.id(), d.parentId()));
        Set<UUID> seen = new HashSet<>();
        for (UUID at = department; at != null && seen.add(at); at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private Department saveUnique(Department department) {
        try {
            return departments.saveAndFlush(department);
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.invalidField("name", "a department of that name exists");
        }
    }

    /** The users, each of which must be a user of the caller's tenant (422 naming the first stranger). */
    private Set<UUID> requireTenantUsers(TenantScope scope, Collection<UUID> users, String field) {
        Set<UUID> wanted = new LinkedHashSet<>(users);
        if (wanted.isEmpty()) {
            return wanted;
        }
        @SuppressWarnings("unchecked")
        List<String> known = entityManager.createNativeQuery(
                        "select cast(id as text) from public.app_user where tenant_id = :tenant and id in (:ids)")
                .setParameter("tenant", scope.tenantId()).setParameter("ids", wanted).getResultList();
        Set<UUID> found = known.stream().map(UUID::fromString).collect(Collectors.toSet());
        for (UUID user : wanted) {
            if (!found.contains(user)) {
                throw ApiProblem.invalidField(field, "no such user: " + user);
            }
        }
        return wanted;
    }

    private static TenantScope requireAdmin() {
        TenantScope scope = TenantContext.require();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator changes the organisation");
        }
        return scope;
    }

    private static DepartmentView view(Department d, List<UUID> memberIds) {
        return new DepartmentView(d.id(), d.name(), d.parentId(), d.headId(), memberIds.stream().sorted().toList());
    }

    private static UserGroupView view(UserGroup g) {
        return new UserGroupView(g.id(), g.name(), g.members().stream().sorted().toList());
    }

    private static SharingRuleView view(SharingRule r) {
        return new SharingRuleView(r.id(), r.recordType(), r.source(), r.target(), r.access(), r.createdAt(),
                r.createdBy());
    }
}
