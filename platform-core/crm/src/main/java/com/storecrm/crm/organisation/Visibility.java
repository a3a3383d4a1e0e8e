package com.storecrm.crm.organisation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which records of one type a user sees and may change among the records of the stores they work in
 * (SPEC §3.1; the store bound itself is the caller's and the database's business). A user reads the
 * records owned by themselves, their subordinates (transitively), owners shared with them, and the
 * members of departments they head; and records whose related team holds themselves, a subordinate
 * or a member of a department they head. They change the records owned by themselves, their
 * subordinates and owners shared with them read/write, and those whose read/write team holds
 * themselves or a subordinate (the lead manual 4.3 and 4.5). Roles whose data scope is their whole
 * stores (tenant administrator, HQ and store managers) see and change every record there.
 *
 * @param wholeStores  the caller's role sees every record of its stores
 * @param subordinates users below the caller in the superior chain, at any depth
 * @param sharedRead   owners whose records sharing rules let the caller read
 * @param sharedWrite  owners whose records sharing rules let the caller read and change
 * @param responsible  members of the departments the caller heads (with their children, when configured)
 */
public record Visibility(UUID self, boolean wholeStores, Set<UUID> subordinates, Set<UUID> sharedRead,
                         Set<UUID> sharedWrite, Set<UUID> responsible) {

    public Visibility {
        subordinates = Set.copyOf(subordinates);
        sharedRead = Set.copyOf(sharedRead);
        sharedWrite = Set.copyOf(sharedWrite);
        responsible = Set.copyOf(responsible);
    }

    /** The records of a related team whose members include any of some users (read/write members only, if asked). */
    @FunctionalInterface
    public interface TeamFilter<T> {

        Specification<T> includesAny(Collection<UUID> users, boolean readWriteOnly);

        /** For record types without a related team. */
        static <T> TeamFilter<T> none() {
            return (users, readWriteOnly) -> (root, query, cb) -> cb.disjunction();
        }
    }

    public Set<UUID> readableOwners() {
        return union(Set.of(self), subordinates, sharedRead, sharedWrite, responsible);
    }

    public Set<UUID> writableOwners() {
        return union(Set.of(self), subordinates, sharedWrite);
    }

    /** Team members through whom the caller reads a record. */
    public Set<UUID> readingTeamMembers() {
        return union(Set.of(self), subordinates, responsible);
    }

    /** Read/write team members through whom the caller changes a record. */
    public Set<UUID> writingTeamMembers() {
        return union(Set.of(self), subordinates);
    }

    /** Owners whose records are shared with the caller by a rule. */
    public Set<UUID> sharedOwners() {
        return union(sharedRead, sharedWrite);
    }

    public boolean canRead(UUID owner, Collection<UUID> team) {
        return wholeStores || (owner != null && readableOwners().contains(owner))
                || team.stream().anyMatch(readingTeamMembers()::contains);
    }

    public boolean canChange(UUID owner, Collection<UUID> readWriteTeam) {
        return wholeStores || (owner != null && writableOwners().contains(owner))
                || readWriteTeam.stream().anyMatch(writingTeamMembers()::contains);
    }

    /** The records the caller reads, as a filter on the owner attribute and the related team. */
    public <T> Specification<T> readable(String ownerAttribute, TeamFilter<T> team) {
        if (wholeStores) {
            return (root, query, cb) -> cb.conjunction();
        }
        return Visibility.<T>ownedByAny(ownerAttribute, readableOwners()).or(team.includesAny(readingTeamMembers(), false));
    }

    /** Records owned by one of the users or with one of them on the related team (the "participations" views). */
    public static <T> Specification<T> ownedByOrOnTeam(String ownerAttribute, TeamFilter<T> team, Set<UUID> users) {
        return Visibility.<T>ownedByAny(ownerAttribute, users).or(team.includesAny(users, false));
    }

    public static <T> Specification<T> ownedByAny(String ownerAttribute, Collection<UUID> users) {
        return (root, query, cb) -> users.isEmpty() ? cb.disjunction() : root.get(ownerAttribute).in(users);
    }

    @SafeVarargs
    private static Set<UUID> union(Set<UUID>... sets) {
        Set<UUID> all = new HashSet<>();
        for (Set<UUID> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
