package org.linli.residents;

import java.util.Map;

/**
 * Real-name details staff take from a register the resident consented to (a volunteer register kept in
 * a spreadsheet). Only the answer leaves the residents module: what is wrong, or that it was recorded.
 */
public interface RealNameRegister {

    /**
     * What stops these details being recorded for this account ({@code null}: the phone number has no
     * account yet), by field (realName, idNumber) → error code; empty when they can be. An account
     * whose recorded details are the same has nothing wrong; different ones are not overwritten.
     */
    Map<String, String> problems(Long accountId, String realName, String idNumber);

    /**
     * Records them (nothing changes when the account already holds the same); returns the person's id.
     * {@code newAccount}: the account was created for this row just now (so it holds nobody's details yet).
     */
    long recordFromRegister(long accountId, boolean newAccount, String realName, String idNumber,
            String homeCenterCode, long staff, String consentNote);
}
