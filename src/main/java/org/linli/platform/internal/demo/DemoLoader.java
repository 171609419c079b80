package org.linli.platform.internal.demo;

import java.util.Comparator;
import java.util.List;
import org.linli.platform.DemoDataSet;
import org.linli.platform.DemoOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads each module's demo data once per database. An advisory lock keeps two instances starting
 * together from loading it twice; the {@code demo_dataset} table remembers what is loaded.
 */
@Component
@DemoOnly
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final List<DemoDataSet> dataSets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoLoader(List<DemoDataSet> dataSets, JdbcClient jdbc, TransactionTemplate transactions) {
        this.dataSets = dataSets.stream().sorted(Comparator.comparingInt(DemoDataSet::order)).toList();
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoDataSet dataSet : dataSets) {
            transactions.executeWithoutResult(status -> loadOnce(dataSet));
        }
    }

    private void loadOnce(DemoDataSet dataSet) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('linli-demo'))").query().singleRow();
        boolean loaded = jdbc.sql("select count(*) from demo_dataset where name = ?")
                .param(dataSet.name()).query(Long.class).single() > 0;
        if (loaded) {
            return;
        }
        log.info("Loading demo data set '{}'", dataSet.name());
        dataSet.load();
        jdbc.sql("insert into demo_dataset(name) values (?)").param(dataSet.name()).update();
    }
}
