package org.linli.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.catalog.ItemKind;
import org.linli.catalog.TimeLimit;
import org.linli.testsupport.LinliWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines on the official calendar (the bundled 2026 calendar): counted from acceptance in the
 * item's unit, and moved on by the time a supplement request waited.
 */
@LinliWebTest
class ApplicationClockTests {

    @Autowired
    ApplicationService deadlines;

    static final OffsetDateTime FRIDAY = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    static Application submitted(TimeLimit limit) {
        return new Application(1, "SQ1", "xiaojie", "SI-08", "社会保障卡申领", ItemKind.GOVERNMENT, 1, null, "ONLINE",
                Status.SUBMITTED, Map.of(), limit, null, null, null, null, null, null, null, null, null, null, null,
                null, 0);
    }

    @Test
    void workingDaysSkipWeekendsAndTheNationalHoliday() {
        TimeLimit five = new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS);
        assertThat(submitted(five).accept(FRIDAY, deadlines).deadline()).isEqualTo(LocalDate.of(2026, 11, 27));
        // accepted on 30 September 2026: 1–7 October are the national holiday, 10 October (a Saturday) an
        // adjusted working day; so the 8th, 9th and 10th
        assertThat(deadlines.deadline(LocalDate.of(2026, 9, 30), new TimeLimit(3, TimeLimit.Unit.WORKING_DAYS)))
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(deadlines.deadline(LocalDate.of(2026, 11, 20), new TimeLimit(15, TimeLimit.Unit.CALENDAR_DAYS)))
                .isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(deadlines.deadline(LocalDate.of(2026, 11, 20), new TimeLimit(0, TimeLimit.Unit.ON_THE_SPOT)))
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void aSupplementRequestPausesTheClockUntilTheResidentAnswers() {
        Application accepted = submitted(new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS)).accept(FRIDAY, deadlines);
        Application waiting = accepted.requestSupplement(FRIDAY.plusHours(1), "请补交户口簿复印件");
        assertThat(waiting.status()).isEqualTo(Status.SUPPLEMENT_REQUESTED);
        // answered the next Wednesday: Monday, Tuesday and Wednesday were lost, so three more working days
        Application resumed = waiting.supplement(OffsetDateTime.of(2026, 11, 25, 15, 0, 0, 0, ZoneOffset.ofHours(8)),
                deadlines);
        assertThat(resumed.status()).isEqualTo(Status.ACCEPTED);
        assertThat(resumed.deadline()).isEqualTo(LocalDate.of(2026, 12, 2));

        Application calendarDays = submitted(new TimeLimit(10, TimeLimit.Unit.CALENDAR_DAYS)).accept(FRIDAY, deadlines)
                .requestSupplement(FRIDAY, "补正").supplement(FRIDAY.plusDays(4), deadlines);
        assertThat(calendarDays.deadline()).isEqualTo(LocalDate.of(2026, 12, 4));

        Application sameDay = accepted.requestSupplement(FRIDAY, "补正").supplement(FRIDAY.plusHours(3), deadlines);
        assertThat(sameDay.deadline()).as("answered the same day").isEqualTo(accepted.deadline());

        // the clock had run out before the pause: answering late does not make the case look on time
        Application overdue = accepted.requestSupplement(FRIDAY.plusDays(10), "补正")
                .supplement(FRIDAY.plusDays(14), deadlines);
        assertThat(overdue.deadline()).isEqualTo(accepted.deadline());

        Application beforeAcceptance = submitted(new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS))
                .requestSupplement(FRIDAY, "补正").supplement(FRIDAY.plusDays(3), deadlines);
        assertThat(beforeAcceptance.status()).isEqualTo(Status.SUBMITTED);
        assertThat(beforeAcceptance.deadline()).as("no clock before acceptance").isNull();
    }

    @Test
    void everyActionIsAllowedOnlyInItsStates() {
        Application government = submitted(new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS));
        for (Action action : Action.values()) {
            boolean expected = switch (action) {
                case ACCEPT, REQUEST_SUPPLEMENT, REFUSE, WITHDRAW -> true;
                default -> false;
            };
            assertThat(government.allows(action)).as(action.name()).isEqualTo(expected);
        }
        Application refused = government.refuse("不符合条件");
        for (Action action : Action.values()) {
            assertThat(refused.allows(action)).as("refused: " + action).isFalse();
        }
        Application accepted = government.accept(FRIDAY, deadlines);
        assertThat(accepted.allows(Action.COMPLETE)).isTrue();
        assertThat(accepted.allows(Action.FORWARD)).as("a government item is not forwarded").isFalse();
        assertThat(accepted.allows(Action.REFUSE)).as("refused with a reason, e.g. the supplement never came").isTrue();
        Application forwarded = submitted(new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS)).accept(FRIDAY, deadlines);
        assertThat(forwarded.allows(Action.FORWARD)).as("government").isFalse();
    }
}
