package org.linli.volunteering;

/** A 14–17-year-old registered as a volunteer; a guardian must consent before they may serve. */
public record GuardianConsentRequested(long volunteerId, long guardianAccountId, String maskedName) {
}
