package org.linli.dashboard.internal;

import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.springframework.stereotype.Component;

/** The demo's earlier data sets are written without events; the read tables are rebuilt from them, last. */
@Component
@DemoOnly
class DashboardDemoData implements DemoDataSet {

    private final DashboardRebuild rebuild;

    DashboardDemoData(DashboardRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public int order() {
        return 99;
    }

    @Override
    public void load() {
        rebuild.rebuild();
    }
}
