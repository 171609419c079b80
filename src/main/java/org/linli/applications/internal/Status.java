package org.linli.applications.internal;

/** Where an application stands. */
enum Status {
    SUBMITTED, ACCEPTED, SUPPLEMENT_REQUESTED, REFUSED, FORWARDED, COMPLETED, WITHDRAWN;

    public boolean closed() {
        return this == REFUSED || this == COMPLETED || this == WITHDRAWN;
    }
}
