package org.linli.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 小街's 22 staff, a month of its extended sessions and October 2026 (the National Day holiday month),
 * with 10% of staff unavailable on some days: time to the first feasible roster, final score, and
 * fairness (most minus least duties) against a round robin computed in the same run. Runs only when
 * named: {@code ./mvnw -o test -Dtest=RosterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LinliWebTest
class RosterBenchmark {

    @Autowired
    Rosters rosters;

    @Autowired
    RosterPlanner planner;

    @Test
    void xiaojie() {
        Random random = new Random(22L);
        for (YearMonth month : List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 12))) {
            RosterPlanner.Problem base = rosters.problem("xiaojie", month);
            List<RosterStaff> staff = new ArrayList<>();
            for (int i = 0; i < base.staff().size(); i++) {
                RosterStaff s = base.staff().get(i);
                Set<LocalDate> off = new HashSet<>();
                if (i % 10 == 0) { // 10% of staff away on some days
                    for (int d = 0; d < 5; d++) {
                        off.add(month.atDay(1 + random.nextInt(month.lengthOfMonth())));
                    }
                }
                staff.add(new RosterStaff(s.getAccountId(), s.getName(), off));
            }
            RosterPlanner.Problem problem = new RosterPlanner.Problem(base.shifts(), staff);
            RosterPlanner.Plan plan = planner.solve(problem);
            Map<Long, Integer> solved = plan.roster().getSlots().stream()
                    .collect(Collectors.groupingBy(s -> s.getStaff().getAccountId(), Collectors.summingInt(s -> 1)));
            staff.forEach(s -> solved.putIfAbsent(s.getAccountId(), 0));
            IntSummaryStatistics fair = solved.values().stream().mapToInt(Integer::intValue).summaryStatistics();
            IntSummaryStatistics robin = RosterPlanner.roundRobinCounts(problem).values().stream()
                    .mapToInt(Integer::intValue).summaryStatistics();
            int slots = plan.roster().getSlots().size();
            System.out.printf("roster benchmark %s: %d staff, %d shifts, %d duties; feasible after %s ms, stopped "
                    + "after %d ms; score %s; duties per person %d–%d (spread %d); round robin %d–%d (spread %d), "
                    + "score %s%n",
                    month, staff.size(), problem.shifts().size(), slots, plan.feasibleMillis(), plan.millis(),
                    plan.score(), fair.getMin(), fair.getMax(), fair.getMax() - fair.getMin(), robin.getMin(),
                    robin.getMax(), robin.getMax() - robin.getMin(), planner.roundRobinScore(problem));
            assertThat(plan.feasible()).isTrue();
        }
    }
}
