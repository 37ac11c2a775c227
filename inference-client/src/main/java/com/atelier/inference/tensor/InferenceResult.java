package com.atelier.inference.tensor;

import com.atelier.inference.contract.TensorType;
import com.atelier.inference.protocol.ModelInferResponse;
import java.util.List;
import java.util.Optional;

/** A ModelInfer answer read as raw tensors, with the endpoint that produced it. */
public record InferenceResult(String model, String modelVersion, String endpoint, List<RawTensor> outputs) {

    public InferenceResult {
        outputs = List.copyOf(outputs);
    }

    /** Reads raw_output_contents; a server that answers with typed contents is rejected with a clear message. */
    public static InferenceResult fromProto(ModelInferResponse response, String endpoint) {
        if (response.getRawOutputContentsCount() != response.getOutputsCount()) {
            throw new IllegalArgumentException("Response from " + endpoint + " for model " + response.getModelName()
                    + " has " + response.getOutputsCount() + " outputs but " + response.getRawOutputContentsCount()
                    + " raw_output_contents; Atelier reads raw contents only");
        }
        var tensors = new java.util.ArrayList<RawTensor>(response.getOutputsCount());
        for (int i = 0; i < response.getOutputsCount(); i++) {
            ModelInferResponse.InferOutputTensor output = response.getOutputs(i);
            tensors.add(new RawTensor(output.getName(), TensorType.fromWireName(output.getDatatype()),
                    output.getShapeList(), response.getRawOutputContents(i)));
        }
        return new InferenceResult(response.getModelName(), response.getModelVersion(), endpoint, tensors);
    }

    public Optional<RawTensor> output(String name) {
        return outputs.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    public RawTensor requireOutput(String name) {
        return output(name).orElseThrow(() -> new IllegalArgumentException(
                "Model " + model + " on " + endpoint + " returned no output " + name));
    }
}
