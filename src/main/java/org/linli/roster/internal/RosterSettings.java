package org.linli.roster.internal;

/** A center's roster settings the solver reads (a problem fact): how many weekend duties in a row are allowed. */
public record RosterSettings(int maxWeekendsRunning) {
}
