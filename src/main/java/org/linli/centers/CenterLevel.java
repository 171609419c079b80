package org.linli.centers;

/** Where a center sits in the district tree. */
public enum CenterLevel {
    DISTRICT, STREET, COMMUNITY;

    /** The level a center of this level may have as children; none under a community. */
    public boolean mayParent(CenterLevel child) {
        return child.ordinal() == ordinal() + 1;
    }
}
