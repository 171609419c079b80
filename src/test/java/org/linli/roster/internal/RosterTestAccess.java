package org.linli.roster.internal;

import org.springframework.stereotype.Component;

/** Lets tests in other packages run the crediting job now instead of waiting for its schedule. */
@Component
public class RosterTestAccess {

    private final CompensatoryTime compensatory;

    RosterTestAccess(CompensatoryTime compensatory) {
        this.compensatory = compensatory;
    }

    public int creditWorked() {
        return compensatory.creditWorked();
    }
}
