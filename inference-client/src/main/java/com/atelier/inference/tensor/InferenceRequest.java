package com.atelier.inference.tensor;

import com.atelier.inference.protocol.ModelInferRequest;
import java.util.List;

/**
 * A model-agnostic inference request: the model, the input tensors in order, and the outputs wanted
 * (empty: all). {@link #toProto()} lays it out with raw_input_contents, one entry per input.
 */
public record InferenceRequest(String model, String modelVersion, String id, List<RawTensor> inputs, List<String> outputs) {

    public InferenceRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public static InferenceRequest of(String model, List<RawTensor> inputs, List<String> outputs) {
        return new InferenceRequest(model, "", "", inputs, outputs);
    }

    public ModelInferRequest toProto() {
        ModelInferRequest.Builder builder = ModelInferRequest.newBuilder()
                .setModelName(model)
                .setModelVersion(modelVersion)
                .setId(id);
        for (RawTensor input : inputs) {
            builder.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
                    .setName(input.name())
                    .setDatatype(input.type().wireName())
                    .addAllShape(input.shape()));
            builder.addRawInputContents(input.data());
        }
        for (String output : outputs) {
            builder.addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName(output));
        }
        return builder.build();
    }
}
