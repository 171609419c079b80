package org.linli.residents;

/** A grown child asked to link an elderly parent into their household; the parent must consent. */
public record HouseholdLinkRequested(long linkId, long parentAccountId, String requesterName) {
}
