package org.linli.identity;

import java.util.List;
import java.util.Set;
import org.linli.platform.Role;

/** The signed-in person making this request, with their grants as they are in the database now. */
public record Caller(long accountId, String displayName, List<RoleGrant> grants, boolean passwordChangeRequired) {

    public boolean holds(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /**
     * Does a grant of the given roles (or, when none are given, any staff-side role) sit on this path
     * from the district down to a center, i.e. at the center or above it?
     */
    public boolean covers(List<String> pathFromDistrict, Set<Role> roles) {
        return grants.stream()
                .filter(g -> roles.isEmpty() ? !personal(g.role()) : roles.contains(g.role()))
                .anyMatch(g -> pathFromDistrict.contains(g.centerCode()));
    }

    /** Residents and volunteers use every center, but their role shows them nothing of a center's own. */
    private static boolean personal(Role role) {
        return role == Role.RESIDENT || role == Role.VOLUNTEER;
    }
}
