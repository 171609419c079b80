package org.linli.platform;

/** What someone may do, always held at a scope (a center of the district tree). */
public enum Role {
    RESIDENT, VOLUNTEER, STAFF, CENTER_ADMIN, STREET_ADMIN, DISTRICT_ADMIN, AUDITOR, MERCHANT, PARTNER_COORDINATOR;

    /** Roles whose password expires (等保 assessors expect it for administrators). */
    public boolean administrative() {
        return this == CENTER_ADMIN || this == STREET_ADMIN || this == DISTRICT_ADMIN || this == AUDITOR;
    }
}
