package org.linli.applications;

import java.util.Map;

/** What other modules may do with applications: register one on a resident's behalf at their home. */
public interface ApplicationDesk {

    record Registered(long applicationId, String number) {
    }

    /**
     * Registers an application for the resident, handled at home by the visitor (channel HOME_VISIT).
     * The item's form is validated as at the window; a bad field is refused and nothing is written.
     */
    Registered registerAtHome(String centerCode, long visitorAccountId, long applicantAccountId, String itemCode,
            Map<String, Object> fields);
}
