package com.atelier.sdk;

import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.JobState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingResponsesTest {

    @Test
    void ignoresFieldsAndStatesANewerServerAdds() throws Exception {
        String json = """
                {"id":"j-1","workspace":"brand-studio","state":"ARCHIVED","createdAt":"2026-01-31T10:00:00Z",
                 "queuePosition":4,"results":{"sdxl":[{"id":"a-1","model":"sdxl","state":"IN_REVIEW",
                 "reviewer":"ada","tags":["hero"]}]}}
                """;

        Job job = SdkJson.mapper().readValue(json, Job.class);

        assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
        assertThat(job.isFinal()).isFalse();
        assertThat(job.assets()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo("IN_REVIEW");
            assertThat(a.tags()).containsExactly("hero");
        });
    }
}
