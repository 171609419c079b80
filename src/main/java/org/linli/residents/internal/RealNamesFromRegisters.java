package org.linli.residents.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.platform.IdCardNumber;
import org.linli.platform.LinliException;
import org.linli.residents.RealNameRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Real-name details taken by staff from a register, checked by the same rules as a resident's own. */
@Service
class RealNamesFromRegisters implements RealNameRegister {

    private final PersonRepository persons;
    private final RealNameDetails details;

    RealNamesFromRegisters(PersonRepository persons, RealNameDetails details) {
        this.persons = persons;
        this.details = details;
    }

    @Override
    public Map<String, String> problems(Long accountId, String realName, String idNumber) {
        Map<String, String> wrong = new LinkedHashMap<>();
        String name = null;
        try {
            name = IdNumbers.name("realName", realName);
        } catch (LinliException invalid) {
            wrong.put("realName", invalid.code());
        }
        IdCardNumber id;
        try {
            id = IdNumbers.parse("idNumber", idNumber);
        } catch (LinliException invalid) {
            wrong.put("idNumber", invalid.code());
            return wrong;
        }
        Optional<Person> own = accountId == null ? Optional.empty() : persons.findByAccount(accountId);
        if (own.isPresent()) {
            if (!own.get().idNumber().equals(id.value()) || (name != null && !name.equals(own.get().realName()))) {
                wrong.put("idNumber", "IMPORT_REAL_NAME_DIFFERS");
            }
            return wrong;
        }
        if (accountId != null) {
            // someone already holds this number without real-name details: a register row must not put a
            // (perhaps mistyped) identity on their account; they record their own details first
            wrong.put("phone", "IMPORT_ACCOUNT_WITHOUT_DETAILS");
            return wrong;
        }
        String checkedName = name;
        persons.findByIdNumber(id.value())
                .filter(p -> p.accountId() != null || p.anonymised() || !p.realName().equals(checkedName))
                .ifPresent(taken -> wrong.put("idNumber", "ID_NUMBER_TAKEN"));
        return wrong;
    }

    @Override
    @Transactional
    public long recordFromRegister(long accountId, boolean newAccount, String realName, String idNumber,
            String homeCenterCode, long staff, String consentNote) {
        Map<String, String> wrong = problems(newAccount ? null : accountId, realName, idNumber);
        if (!wrong.isEmpty()) {
            Map.Entry<String, String> first = wrong.entrySet().iterator().next();
            throw LinliException.invalidField(first.getKey(), first.getValue());
        }
        Optional<Person> own = persons.findByAccount(accountId);
        if (own.isPresent()) {
            return own.get().id();
        }
        return details.record(accountId, new RealNameDetails.Command(realName, idNumber, null, homeCenterCode), staff,
                consentNote).id();
    }
}
