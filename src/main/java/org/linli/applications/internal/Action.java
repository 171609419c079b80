package org.linli.applications.internal;

/** What can be done to an application, and by whom. */
enum Action {
    ACCEPT(true), REQUEST_SUPPLEMENT(true), REFUSE(true), FORWARD(true), RECORD_RESULT(true), COMPLETE(true),
    SUPPLEMENT(false), WITHDRAW(false);

    private final boolean staff;

    Action(boolean staff) {
        this.staff = staff;
    }

    boolean byStaff() {
        return staff;
    }
}
