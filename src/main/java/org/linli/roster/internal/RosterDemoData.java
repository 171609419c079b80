package org.linli.roster.internal;

import java.time.YearMonth;
import org.linli.identity.AccountDirectory;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.linli.platform.RequestTimes;
import org.springframework.stereotype.Component;

/**
 * 小街's roster for the current month, solved and published, so staff see their duties, the lobby
 * screen shows who is on duty, and worked duties start crediting compensatory time.
 */
@Component
@DemoOnly
class RosterDemoData implements DemoDataSet {

    private final Rosters rosters;
    private final AccountDirectory accounts;

    RosterDemoData(Rosters rosters, AccountDirectory accounts) {
        this.rosters = rosters;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public int order() {
        return 75;
    }

    @Override
    public void load() {
        YearMonth month = YearMonth.now(RequestTimes.ZONE);
        long admin = accounts.idByUsername("xiaojie-center-admin").orElseThrow();
        if (rosters.generate("xiaojie", month).feasible()) {
            rosters.publish("xiaojie", month, admin);
        }
    }
}
