package com.verivus.gateway.process.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The argv and environment arrays a spawn hands to C: built in one block, read back as C reads them. */
class PosixSpawnStringsTest {

    @Property(tries = 300)
    void everyStringReadsBackFromItsPointerAndTheArrayEndsWithNull(
            @ForAll @Size(max = 60) List<@StringLength(max = 40) String> values) {
        List<String> withoutNul = values.stream().map(v -> v.replace("\0", "")).toList();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = PosixSpawn.strings(arena, withoutNul);
            List<String> read = new ArrayList<>();
            for (long i = 0; ; i++) {
                MemorySegment pointer = array.getAtIndex(ValueLayout.ADDRESS, i);
                if (pointer.equals(MemorySegment.NULL)) {
                    break;
                }
                read.add(pointer.reinterpret(Long.MAX_VALUE).getString(0));
            }
            assertThat(read).containsExactlyElementsOf(withoutNul);
        }
    }
}
