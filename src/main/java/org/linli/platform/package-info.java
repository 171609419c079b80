/**
 * Platform: what every capability stands on — the database (embedded or external), languages and
 * elder mode on every page, problem details for the API, and the demo district's loading order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.linli.platform;
