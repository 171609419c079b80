package org.linli.residents;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules may know of a resident's household: who an account holder may act for (their
 * minor children, and relatives who consented to the link), with masked names and birth dates for
 * audience checks. Nothing else of the real-name record leaves the residents module.
 */
public interface HouseholdDirectory {

    /** A household member the account holder may register or act for; the name is masked. */
    record Member(long personId, String maskedName, LocalDate birthDate, String relation) {
    }

    /** The account holder's birth date from their real-name details, if recorded. */
    Optional<LocalDate> birthDate(long accountId);

    /** The account holder themself as a member (relation SELF), when their real-name details are recorded. */
    Optional<Member> self(long accountId);

    /** The accounts of those who hold an active guardian link (relation CHILD) to this person. */
    List<Long> guardiansOf(long personId);

    /** The community center the account holder's real-name details name as home, if recorded. */
    Optional<String> homeCenter(long accountId);

    /** The members the account holder manages (active links only), in the order they were added. */
    List<Member> managedBy(long accountId);

    /** One member the account holder manages, or empty when they do not manage that person. */
    default Optional<Member> managedMember(long accountId, long personId) {
        return managedBy(accountId).stream().filter(m -> m.personId() == personId).findFirst();
    }

    /** Masked names of the given persons, for lists staff keep (attendance at the door). */
    Map<Long, String> maskedNames(Collection<Long> personIds);
}
