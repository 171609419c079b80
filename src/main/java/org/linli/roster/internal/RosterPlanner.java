package org.linli.roster.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.calendar.DaySchedule;
import org.linli.calendar.OpeningHours;
import org.linli.calendar.Session;
import org.linli.calendar.SessionKind;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoft.HardSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds a month's problem from the calendar (every lunchtime, evening, weekend and holiday-duty
 * session of the center needs staff: one for lunchtimes and evenings, two at weekends and on holidays)
 * and solves it with OptaPlanner within a time limit. When the hard score stays below zero the answer
 * names the shifts that could not be covered and the rule each breaks, instead of failing silently.
 */
@Component
class RosterPlanner {

    record Problem(List<DutyShift> shifts, List<RosterStaff> staff, Map<String, String> skillRules,
            RosterSettings settings) {

        Problem(List<DutyShift> shifts, List<RosterStaff> staff) {
            this(shifts, staff, Map.of(), new RosterSettings(1));
        }

        /** The first place of a shift needs the kind's skill, if the center set one. */
        String skill(DutyShift shift, int place) {
            return place == 0 ? skillRules.get(shift.getKind()) : null;
        }
    }

    /** A roster's score and every hard rule it breaks. */
    record Check(HardSoftScore score, List<Broken> broken) {
    }

    record Broken(DutyShift shift, String staffName, String rule, long slotId) {

        /** The stable error code naming the rule, when a change by hand or a swap would break it. */
        String code() {
            return switch (rule) {
                case DutyConstraints.UNAVAILABLE -> "RULE_UNAVAILABLE";
                case DutyConstraints.TWO_A_DAY -> "RULE_TWO_A_DAY";
                case DutyConstraints.SKILL -> "RULE_SKILL_MISSING";
                default -> "RULE_BROKEN";
            };
        }
    }

    record Plan(DutyRoster roster, HardSoftScore score, List<Broken> broken, long millis, Long feasibleMillis) {

        public boolean feasible() {
            return score.hardScore() >= 0;
        }
    }

    private final OpeningHours hours;
    private final SolverFactory<DutyRoster> solvers;
    private final SolutionManager<DutyRoster, HardSoftScore> explainer;

    RosterPlanner(OpeningHours hours, @Value("${linli.roster.solver-seconds:8}") long seconds) {
        this.hours = hours;
        this.solvers = SolverFactory.create(new SolverConfig().withSolutionClass(DutyRoster.class)
                .withEntityClasses(DutySlot.class).withConstraintProviderClass(DutyConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds))
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.min(2_000, seconds * 500)))));
        this.explainer = SolutionManager.create(solvers);
    }

    /** The month's extended sessions at the center, each with the staff it needs. */
    List<DutyShift> shifts(String centerCode, YearMonth month) {
        List<DutyShift> shifts = new ArrayList<>();
        long id = 1;
        for (DaySchedule day : hours.schedule(centerCode, null, month.atDay(1), month.lengthOfMonth())) {
            for (Session s : day.sessions()) {
                if (s.kind() == SessionKind.REGULAR) {
                    continue;
                }
                int required = s.kind() == SessionKind.WEEKEND || s.kind() == SessionKind.HOLIDAY_DUTY ? 2 : 1;
                shifts.add(new DutyShift(id++, day.day().date(), s.kind().name(), s.opens(), s.closes(), required));
            }
        }
        return shifts;
    }

    Plan solve(Problem problem) {
        List<DutySlot> slots = new ArrayList<>();
        long id = 1;
        int n = 0;
        for (DutyShift shift : problem.shifts()) {
            for (int place = 0; place < shift.getRequired(); place++) {
                // start from a round-robin guess; the solver improves it
                slots.add(new DutySlot(id++, shift, place, problem.skill(shift, place),
                        problem.staff().get(n++ % problem.staff().size())));
            }
        }
        long t0 = System.nanoTime();
        var solver = solvers.buildSolver();
        long[] feasibleAt = {-1};
        solver.addEventListener(event -> {
            if (feasibleAt[0] < 0 && event.getNewBestSolution().getScore().hardScore() >= 0) {
                feasibleAt[0] = (System.nanoTime() - t0) / 1_000_000;
            }
        });
        DutyRoster solved = solver.solve(new DutyRoster(problem.staff(), problem.shifts(), slots, problem.settings()));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Plan(solved, solved.getScore(), broken(solved), millis, feasibleAt[0] < 0 ? null : feasibleAt[0]);
    }

    /** Scores a roster as it stands (after a change by hand or a swap) and names the hard rules it breaks. */
    Check check(DutyRoster roster) {
        HardSoftScore score = explainer.update(roster);
        return new Check(score, broken(roster));
    }

    /** Every slot a hard rule is broken on, with the rule: what the admin must fix (more staff, fewer absences). */
    private List<Broken> broken(DutyRoster solved) {
        if (solved.getScore().hardScore() >= 0) {
            return List.of();
        }
        ScoreExplanation<DutyRoster, HardSoftScore> explanation = explainer.explain(solved);
        Map<String, Broken> found = new LinkedHashMap<>();
        explanation.getIndictmentMap().forEach((subject, indictment) -> {
            if (subject instanceof DutySlot slot && indictment.getScore().hardScore() < 0) {
                indictment.getConstraintMatchSet().stream().filter(m -> m.getScore().hardScore() < 0)
                        .forEach(m -> found.putIfAbsent(slot.getId() + m.getConstraintName(),
                                new Broken(slot.getShift(), slot.getStaff().getName(),
                                        m.getConstraintName(), slot.getId())));
            }
        });
        return List.copyOf(found.values());
    }

    /** The score of the round-robin roster (each slot to the next person, no rules), for comparison. */
    HardSoftScore roundRobinScore(Problem problem) {
        List<DutySlot> slots = new ArrayList<>();
        long id = 1;
        int n = 0;
        for (DutyShift shift : problem.shifts()) {
            for (int place = 0; place < shift.getRequired(); place++) {
                slots.add(new DutySlot(id++, shift, place, problem.skill(shift, place),
                        problem.staff().get(n++ % problem.staff().size())));
            }
        }
        return explainer.update(new DutyRoster(problem.staff(), problem.shifts(), slots, problem.settings()));
    }

    /** The same month by simple round robin (no rules), for the benchmark's comparison. */
    static Map<Long, Integer> roundRobinCounts(Problem problem) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        problem.staff().forEach(s -> counts.put(s.getAccountId(), 0));
        int n = 0;
        for (DutyShift shift : problem.shifts()) {
            for (int place = 0; place < shift.getRequired(); place++) {
                counts.merge(problem.staff().get(n++ % problem.staff().size()).getAccountId(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
