/**
 * Registers (台账) staff already keep in spreadsheets, imported into Linli: the home-service register,
 * volunteers, merchants. Each owning module describes its register ({@link org.linli.registers.RegisterKind}:
 * columns, who may import, how a row is checked and written); this module runs every import the same
 * way — upload, a preview naming every bad row and why, then all rows or none in the background with
 * its progress readable — streaming the file so a 20,000-row register fits in little memory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registers")
package org.linli.registers;
