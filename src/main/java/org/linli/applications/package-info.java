/**
 * Applications: online handling (一网通办) and one window for everything (一窗受理). A resident (or
 * staff on a resident's behalf, 帮办) applies for a published catalogue item with its form and
 * materials; staff of the center accept, ask for a supplement, refuse, forward proxy items upstream,
 * record the upstream result and complete; the deadline counts from acceptance in the item's unit
 * and pauses while a supplement is awaited; the resident follows every step and rates the service.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package org.linli.applications;
