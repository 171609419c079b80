package org.linli.centers.internal;

import org.linli.platform.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.ClientAddress;
import org.linli.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.linli.centers.Center;
import org.linli.centers.Centers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centers")
@Tag(name = "Centers", description = "The district tree 区 → 街道 → 社区; public")
class CenterApiController {

    private final Centers centers;
    private final CreateCenter createCenter;

    CenterApiController(Centers centers, CreateCenter createCenter) {
        this.centers = centers;
        this.createCenter = createCenter;
    }

    @PostMapping("/{code}/children")
    @Access(roles = {Role.DISTRICT_ADMIN, Role.STREET_ADMIN})
    @Operation(summary = "Add a street under the district, or a community center under a street")
    ResponseEntity<CenterDetail> create(@PathVariable String code, @RequestBody CreateCenter.Command command,
            HttpServletRequest request, Principal principal) {
        Center center = createCenter.under(code, command, ActorId.of(principal), ClientAddress.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(CenterDetail.of(center, List.of()));
    }

    @GetMapping
    @Public
    @Operation(summary = "Every center of the district tree, district first")
    CenterList list() {
        return new CenterList(centers.all().stream().map(CenterSummary::of).toList());
    }

    @GetMapping("/{code}")
    @Public
    @Operation(summary = "One center with its address, phone and children")
    CenterDetail get(@PathVariable String code) {
        Center center = centers.require(code);
        return CenterDetail.of(center, centers.children(center.code()));
    }

    record CenterList(List<CenterSummary> centers) {
    }

    /** {@code name} is the official (Chinese) name; {@code nameEn} its English form. */
    record CenterSummary(String code, String name, String nameEn, String level, String parentCode,
            String address, String phone) {
        static CenterSummary of(Center c) {
            return new CenterSummary(c.code().value(), c.nameZh(), c.nameEn(), c.level().name(),
                    c.parentCode() == null ? null : c.parentCode().value(), c.addressZh(), c.phone());
        }
    }

    record CenterDetail(String code, String name, String nameEn, String level, String parentCode, String address,
            String addressEn, String phone, List<CenterSummary> children) {
        static CenterDetail of(Center c, List<Center> children) {
            return new CenterDetail(c.code().value(), c.nameZh(), c.nameEn(), c.level().name(),
                    c.parentCode() == null ? null : c.parentCode().value(), c.addressZh(), c.addressEn(), c.phone(),
                    children.stream().map(CenterSummary::of).toList());
        }
    }
}
