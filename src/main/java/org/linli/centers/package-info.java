/**
 * Centers: the district → street → community tree, where every node is a service center with a
 * stable code used in URLs and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Centers")
package org.linli.centers;
