package org.linli.centers.internal;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.centers.Center;
import org.linli.centers.CenterCode;
import org.linli.centers.CenterLevel;
import org.linli.centers.Centers;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new center under an existing one: a street under the district, a community under a street.
 * Who may do it (the district admin, a street admin within the street) is checked by the access
 * interceptor on the parent's code.
 */
@Service
class CreateCenter {

    private final Centers centers;
    private final CenterRepository repository;
    private final AuditLog audit;

    CreateCenter(Centers centers, CenterRepository repository, AuditLog audit) {
        this.centers = centers;
        this.repository = repository;
        this.audit = audit;
    }

    record Command(String code, String name, String nameEn, String address, String addressEn, String phone) {
    }

    @Transactional
    Center under(String parentCode, Command command, Long actorId, String clientIp) {
        Center parent = centers.require(parentCode);
        if (parent.level() == CenterLevel.COMMUNITY) {
            throw LinliException.conflict("CENTER_LEVEL_INVALID");
        }
        if (!CenterCode.isWellFormed(command.code())) {
            throw LinliException.invalidField("code", "CENTER_CODE_INVALID");
        }
        if (blank(command.name()) || command.name().length() > 100) {
            throw LinliException.invalidField("name", "CENTER_NAME_INVALID");
        }
        if (command.phone() != null && !command.phone().isBlank() && !command.phone().matches("[0-9+\\- ]{5,20}")) {
            throw LinliException.invalidField("phone", "CENTER_PHONE_INVALID");
        }
        tooLong("nameEn", command.nameEn(), 150);
        tooLong("address", command.address(), 200);
        tooLong("addressEn", command.addressEn(), 300);
        if (centers.find(command.code()).isPresent()) {
            throw LinliException.conflict("CENTER_CODE_TAKEN", command.code());
        }
        CenterLevel level = parent.level() == CenterLevel.DISTRICT ? CenterLevel.STREET : CenterLevel.COMMUNITY;
        Center center = new Center(new CenterCode(command.code()), command.name().trim(),
                blank(command.nameEn()) ? command.name().trim() : command.nameEn().trim(), level, parent.code(),
                blank(command.address()) ? null : command.address().trim(),
                blank(command.addressEn()) ? null : command.addressEn().trim(),
                blank(command.phone()) ? null : command.phone().trim());
        try {
            repository.insert(center);
            centers.refresh();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw LinliException.conflict("CENTER_CODE_TAKEN", command.code());
        }
        audit.record(new AuditEvent(actorId, null, "CENTER_CREATED", command.code(), parentCode, clientIp,
                level.name()));
        return center;
    }

    private static void tooLong(String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            throw LinliException.invalidField(field, "FIELD_TOO_LONG", max);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
