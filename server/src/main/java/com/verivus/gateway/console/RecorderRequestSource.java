package com.verivus.gateway.console;

import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.RecordedRequest;
import com.verivus.gateway.recorder.RequestQuery;
import java.util.List;
import java.util.Map;

/** {@link RequestSource} over the flight recorder's list query. */
public final class RecorderRequestSource implements RequestSource {

    private final FlightRecorder recorder;

    public RecorderRequestSource(FlightRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public List<Map<String, Object>> list(String cli, String status, String since, String until, int limit) {
        return recorder.list(new RequestQuery(cli, status, since, until, limit)).stream().map(r -> {
            Map<String, Object> m = r.summary();
            m.put("prompt", r.prompt());
            return m;
        }).toList();
    }
}
