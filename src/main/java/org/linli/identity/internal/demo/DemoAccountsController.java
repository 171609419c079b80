package org.linli.identity.internal.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.linli.platform.DemoOnly;
import org.linli.platform.Public;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Public
@DemoOnly
@Tag(name = "Demo", description = "Exists only in demo mode")
class DemoAccountsController {

    private final DemoAccounts accounts;

    DemoAccountsController(DemoAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/dev/demo-accounts")
    @Operation(summary = "Every demo account, one entry per role it holds (demo only)")
    Map<String, List<DemoAccounts.Entry>> list() {
        return Map.of("accounts", accounts.all());
    }
}
