package com.verivus.dag.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.dag.model.DagReader;
import com.verivus.dag.model.Unit;
import com.verivus.dag.model.UnitStatus;
import com.verivus.dag.testsupport.DagToml;
import com.verivus.dag.testsupport.Fixtures;
import com.verivus.dag.validate.DagValidator;
import com.verivus.dag.validate.ValidationOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static Schedule schedule(String toml) throws Exception {
        return Schedule.of(DagValidator.validate(DagReader.parse("t.toml", toml), ValidationOptions.compat()));
    }

    private static List<String> ids(List<Unit> units) {
        return units.stream().map(Unit::id).toList();
    }

    @Test
    void diamondJoinBecomesReadyOnlyWhenBothBranchesAreDone() throws Exception {
        Schedule schedule = Schedule.of(DagValidator.validate(
                DagReader.read(Fixtures.implementationDag().resolve("valid/diamond.toml")), ValidationOptions.strict()));

        assertThat(ids(schedule.ready())).containsExactly("U01");
        schedule.start("U01");
        assertThat(schedule.ready()).isEmpty();
        schedule.complete("U01");
        assertThat(ids(schedule.ready())).containsExactly("U02", "U03");
        // both modify src/a.rs, so only one of them is a parallel candidate at a time
        assertThat(ids(schedule.parallelCandidates())).containsExactly("U02");
        schedule.start("U02");
        schedule.complete("U02");
        assertThat(ids(schedule.ready())).containsExactly("U03");
        assertThatThrownBy(() -> schedule.start("U04")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting on [U03]");
        schedule.start("U03");
        schedule.complete("U03");
        assertThat(ids(schedule.ready())).containsExactly("U04");
        assertThat(schedule.progress()).isEqualTo(new Progress(3, 4));
        assertThat(schedule.criticalPaths().path()).containsExactly("U01", "U03", "U04");
    }

    @Test
    void readyUnitsComeOutInLayerOrderEvenAcrossBranches() throws Exception {
        Schedule schedule = schedule(new DagToml()
                .unit("U01", 0, 1).unit("U02", 0, 1)
                .unit("U05", 3, 1, "U02")
                .unit("U03", 1, 1, "U01")
                .unit("U04", 2, 1, "U03").text());
        List<String> order = new java.util.ArrayList<>();
        java.util.Optional<Unit> next;
        while ((next = schedule.next()).isPresent()) {
            schedule.start(next.get().id());
            schedule.complete(next.get().id());
            order.add(next.get().id());
        }
        assertThat(order).containsExactly("U01", "U02", "U03", "U04", "U05");
        assertThat(schedule.progress().fraction()).isEqualTo(1.0);
        assertThat(schedule.remaining()).isEmpty();
    }

    @Test
    void aBlockedUnitKeepsEverythingAfterItFromBecomingReady() throws Exception {
        Schedule schedule = schedule(new DagToml().unit("U01", 0, 1).unit("U02", 1, 1, "U01")
                .unit("U03", 2, 1, "U02").text());
        schedule.start("U01");
        schedule.block("U01");

        assertThat(schedule.ready()).isEmpty();
        assertThat(schedule.status("U01")).isEqualTo(UnitStatus.BLOCKED);
        assertThat(schedule.remaining()).containsExactly("U01", "U02", "U03");
    }

    @Test
    void unitsAlreadyDoneInTheFileCountAsDone() throws Exception {
        String toml = new DagToml().unit("U01", 0, 1).unit("U02", 1, 1, "U01").text()
                .replaceFirst("status = \"pending\"", "status = \"done\"");
        Schedule schedule = schedule(toml);

        assertThat(ids(schedule.ready())).containsExactly("U02");
        assertThat(schedule.progress()).isEqualTo(new Progress(1, 2));
        assertThat(schedule.layers().keySet()).containsExactly(0, 1);
    }
}
