package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderImagesTest {

    @Test
    void rendersEveryImageOfEveryModelInOrderAndAddsUpTheGpuTime() {
        List<String> asked = new ArrayList<>();
        Renderer renderer = (String model, GenerationSpec spec) -> {
            asked.add(model);
            return new Renderer.Rendering(IntStream.range(0, spec.count())
                    .mapToObj(i -> RenderFixtures.rendered(model, i, spec.width())).toList(), 100);
        };
        var meters = new SimpleMeterRegistry();
        var work = RenderWork.started(RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl", "flux2"), 32, 2),
                false));

        RenderWork rendered = new RenderImages(renderer, new StepTimers(meters)).apply(work);

        assertThat(asked).containsExactly("sdxl", "flux2");
        assertThat(rendered.outputs()).extracting(o -> o.model() + "#" + o.position())
                .containsExactly("sdxl#0", "sdxl#1", "flux2#0", "flux2#1");
        assertThat(rendered.gpuMillis()).isEqualTo(200);
        assertThat(meters.get(StepTimers.METER).tags("step", "render", "model", "flux2").timer().count())
                .isEqualTo(1);
        assertThat(work.outputs()).as("the input is left as it was, for a retry").isEmpty();
    }
}
