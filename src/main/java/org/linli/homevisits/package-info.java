/**
 * Home visits (上门服务): the register of residents who may need service at home, kept only with
 * recorded consent and with everything sensitive sealed; visit requests from the resident, their
 * family or staff; assignment to one or two staff or trained volunteers; the visit record, with an
 * application registered on the resident's behalf (confirmed by the resident's signature on the
 * visitor's phone); follow-ups; the month's figures. Every look at a full record is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home visits")
package org.linli.homevisits;
