/**
 * Activities: staff publish activities of a center (children, elderly, family, culture and sports,
 * training, live streams); residents register, join a waitlist when it is full, cancel, and download
 * a calendar file. Capacity and waitlist order are held by the database (the activity row is locked
 * for every registration and cancellation), and a cancellation promotes the head of the waitlist in
 * the same transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package org.linli.activities;
