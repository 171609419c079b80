package org.linli.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.testsupport.Api.assertCode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.Api;
import org.linli.testsupport.Http;
import org.linli.testsupport.LinliWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Nobody sees another center's data. Driven by the OpenAPI document, so every protected endpoint with
 * a center in its path joins this test the day it is added.
 */
@LinliWebTest
class ScopeTests {

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    /**
     * Every protected operation with {code} in its path, as {method, path, description}. Residents use
     * every center, so operations open to RESIDENT are checked against the other centers' admins only.
     */
    List<String[]> protectedCenterOperations() {
        JsonNode paths = Http.json(api().http().get("/v3/api-docs")).get("paths");
        List<String[]> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().contains("{code}")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode security = operation.getValue().get("security");
                if (security != null && !security.isEmpty()) {
                    JsonNode description = operation.getValue().get("description");
                    operations.add(new String[] {operation.getKey().toUpperCase(), path.getKey(),
                            description == null ? "" : description.asString()});
                }
            }
        }
        return operations;
    }

    @Test
    void everyProtectedCenterEndpointIs404ForAnotherCentersAdminAndForAResident() {
        List<String[]> operations = protectedCenterOperations();
        assertThat(operations).as("the document lists the protected center endpoints").hasSizeGreaterThanOrEqualTo(5);
        String otherCenterAdmin = api().token("fenghuangshan-center-admin");
        String otherStreetAdmin = api().token("jinma-admin");
        String resident = api().signInByPhone("13900002001").get("accessToken").asString();
        for (String[] operation : operations) {
            String path = operation[1].replace("{code}", "xiaojie").replaceAll("\\{[^}]+}", "1");
            boolean forResidents = operation[2].contains("RESIDENT");
            for (String token : forResidents ? List.of(otherCenterAdmin, otherStreetAdmin)
                    : List.of(otherCenterAdmin, otherStreetAdmin, resident)) {
                HttpResponse<String> response = api().send(operation[0], path, token, "{}");
                assertThat(response.statusCode()).as(operation[0] + " " + path + " " + response.body()).isEqualTo(404);
                assertThat(Http.json(response).get("code").asString()).isEqualTo("CENTER_NOT_FOUND");
            }
        }
    }

    @Test
    void everyProtectedEndpointIs401WithoutAToken() {
        for (String[] operation : protectedCenterOperations()) {
            String path = operation[1].replace("{code}", "xiaojie").replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> response = api().http().send(api().http().request(path)
                    .header("Content-Type", "application/json")
                    .method(operation[0], java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(response.statusCode()).as(operation[0] + " " + path).isEqualTo(401);
        }
    }

    @Test
    void aStreetAdminSeesTheStreetsCentersAndTheDistrictAdminEverything() {
        String streetAdmin = api().token("guanshang-admin");
        assertThat(api().get("/api/v1/centers/xiaojie/staff", streetAdmin).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/centers/guanshang/staff", streetAdmin).statusCode()).isEqualTo(200);
        assertCode(api().get("/api/v1/centers/beijinglu/staff", streetAdmin), 404, "CENTER_NOT_FOUND");
        String districtAdmin = api().token("district-admin");
        for (String code : List.of("xiaojie", "beijinglu", "fenghuangshan", "jinma", "guandu")) {
            assertThat(api().get("/api/v1/centers/" + code + "/staff", districtAdmin).statusCode()).as(code)
                    .isEqualTo(200);
        }
    }

    @Test
    void theAuditorReadsButChangesNothing() {
        String auditor = api().token("auditor");
        assertThat(api().get("/api/v1/audit", auditor).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/centers/xiaojie/audit", auditor).statusCode()).isEqualTo(200);
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/staff", auditor,
                "{\"username\":\"x-new\",\"displayName\":\"X\",\"password\":\"Linli@2027\"}"), 403, "FORBIDDEN");
        assertCode(api().get("/api/v1/centers/xiaojie/staff", auditor), 403, "FORBIDDEN");
        assertCode(api().get("/api/v1/audit", api().token("district-admin")), 403, "FORBIDDEN");
    }

    @Test
    void aCenterAdminManagesTheirOwnStaffOnly() {
        String admin = api().token("xiaojie-center-admin");
        HttpResponse<String> created = api().send("POST", "/api/v1/centers/xiaojie/staff", admin,
                "{\"username\":\"xiaojie-newcomer\",\"displayName\":\"新同事 李明\",\"password\":\"Welcome#2026\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/staff", admin,
                "{\"username\":\"xiaojie-newcomer\",\"displayName\":\"重复\",\"password\":\"Welcome#2026\"}"), 409,
                "USERNAME_TAKEN");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/staff", admin,
                "{\"username\":\"xiaojie-weak\",\"displayName\":\"弱密码\",\"password\":\"password\"}"), 400,
                "PASSWORD_WEAK");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/roles", admin,
                "{\"username\":\"xiaojie-newcomer\",\"role\":\"CENTER_ADMIN\"}"), 403, "ROLE_NOT_GRANTABLE");

        JsonNode staff = Http.json(api().get("/api/v1/centers/xiaojie/staff", admin)).get("staff");
        long grantId = -1;
        for (JsonNode member : staff) {
            if (member.get("username").asString().equals("xiaojie-newcomer")) {
                grantId = member.get("grantId").asLong();
            }
        }
        assertThat(grantId).isPositive();
        HttpResponse<String> signedIn = api().http().postJson("/api/v1/auth/token",
                "{\"username\":\"xiaojie-newcomer\",\"password\":\"Welcome#2026\"}");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String newcomer = Http.json(signedIn).get("accessToken").asString();
        assertCode(api().get("/api/v1/centers/xiaojie/staff", newcomer), 403, "FORBIDDEN");

        assertThat(api().send("DELETE", "/api/v1/centers/xiaojie/roles/" + grantId, admin, null).statusCode())
                .isEqualTo(204);
        assertCode(api().get("/api/v1/centers/xiaojie/staff", newcomer), 404, "CENTER_NOT_FOUND");
        assertCode(api().send("DELETE", "/api/v1/centers/fenghuangshan/roles/" + grantId, admin, null), 404,
                "CENTER_NOT_FOUND");
    }

    @Test
    void theDistrictAdminAddsAStreetAndACommunityCenter() {
        String admin = api().token("district-admin");
        HttpResponse<String> street = api().send("POST", "/api/v1/centers/guandu/children", admin,
                "{\"code\":\"guandu-new-street\",\"name\":\"新街道党群服务中心\",\"nameEn\":\"New Street Center\"}");
        assertThat(street.statusCode()).as(street.body()).isEqualTo(201);
        assertThat(Http.json(street).get("level").asString()).isEqualTo("STREET");
        HttpResponse<String> community = api().send("POST", "/api/v1/centers/guandu-new-street/children", admin,
                "{\"code\":\"new-community\",\"name\":\"新社区党群服务中心\",\"phone\":\"0871-60009999\"}");
        assertThat(community.statusCode()).as(community.body()).isEqualTo(201);
        assertThat(Http.json(community).get("parentCode").asString()).isEqualTo("guandu-new-street");
        assertCode(api().send("POST", "/api/v1/centers/guandu/children", admin,
                "{\"code\":\"new-community\",\"name\":\"重复\"}"), 409, "CENTER_CODE_TAKEN");
        assertCode(api().send("POST", "/api/v1/centers/new-community/children", admin,
                "{\"code\":\"too-deep\",\"name\":\"太深\"}"), 409, "CENTER_LEVEL_INVALID");
        assertCode(api().send("POST", "/api/v1/centers/guandu/children", admin,
                "{\"code\":\"Bad Code\",\"name\":\"x\"}"), 400, "CENTER_CODE_INVALID");
        assertCode(api().send("POST", "/api/v1/centers/guandu/children", api().token("xiaojie-center-admin"),
                "{\"code\":\"sneaky\",\"name\":\"x\"}"), 404, "CENTER_NOT_FOUND");
        assertCode(api().send("POST", "/api/v1/centers/xiaojie/children", api().token("xiaojie-center-admin"),
                "{\"code\":\"sneaky\",\"name\":\"x\"}"), 403, "FORBIDDEN");
    }
}
