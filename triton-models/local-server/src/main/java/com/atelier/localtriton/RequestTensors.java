package com.atelier.localtriton;

import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.contract.TensorSpec;
import com.atelier.inference.contract.TensorType;
import com.atelier.inference.protocol.ModelInferRequest;
import com.atelier.inference.tensor.RawTensor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of a ModelInfer request, checked against the model's contract the way Triton checks
 * them against config.pbtxt: known names, matching datatypes and ranks, a batch dimension within
 * max_batch_size, byte sizes that fit the shapes, and every required input present.
 */
public final class RequestTensors {

    private final ModelContract contract;
    private final Map<String, RawTensor> byName;
    private final long batchSize;

    private RequestTensors(ModelContract contract, Map<String, RawTensor> byName, long batchSize) {
        this.contract = contract;
        this.byName = byName;
        this.batchSize = batchSize;
    }

    public static RequestTensors from(ModelInferRequest request, ModelContract contract) {
        if (request.getRawInputContentsCount() != request.getInputsCount()) {
            throw invalid("expected raw_input_contents for each of the " + request.getInputsCount()
                    + " inputs, got " + request.getRawInputContentsCount() + " (local-triton reads raw contents only)");
        }
        Map<String, RawTensor> byName = new LinkedHashMap<>();
        long batchSize = -1;
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor input = request.getInputs(i);
            TensorSpec spec = contract.input(input.getName()).orElseThrow(() -> invalid(
                    "unexpected inference input '" + input.getName() + "' for model '" + contract.name() + "'"));
            if (!spec.type().wireName().equals(input.getDatatype())) {
                throw invalid("inference input '" + spec.name() + "' data-type is '" + input.getDatatype()
                        + "', but model '" + contract.name() + "' expects '" + spec.type().wireName() + "'");
            }
            List<Long> shape = input.getShapeList();
            checkShape(contract, spec, shape);
            long batch = contract.maxBatchSize() > 0 ? shape.get(0) : 1;
            if (batchSize >= 0 && batch != batchSize) {
                throw invalid("inputs disagree on the batch size (" + batchSize + " vs " + batch + ")");
            }
            batchSize = batch;
            try {
                byName.put(spec.name(), new RawTensor(spec.name(), spec.type(), shape, request.getRawInputContents(i)));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        for (TensorSpec spec : contract.inputs()) {
            if (!spec.optional() && !byName.containsKey(spec.name())) {
                throw invalid("expected input '" + spec.name() + "' for model '" + contract.name() + "' is missing");
            }
        }
        return new RequestTensors(contract, byName, Math.max(batchSize, 1));
    }

    public long batchSize() {
        return batchSize;
    }

    public Optional<RawTensor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public RawTensor require(String name) {
        return find(name).orElseThrow(() -> invalid("expected input '" + name + "' is missing"));
    }

    /** The single BYTES element of a [1, 1] input as text, or the fallback when the optional input is absent. */
    public String text(String name, String fallback) {
        return find(name).map(tensor -> {
            var elements = tensor.asBytesElements();
            if (elements.size() != 1) {
                throw invalid("input '" + name + "' must hold exactly one string, got " + elements.size());
            }
            return elements.get(0).toStringUtf8();
        }).orElse(fallback);
    }

    public long int64(String name) {
        long[] values = require(name).asInt64();
        if (values.length != 1) {
            throw invalid("input '" + name + "' must hold exactly one value, got " + values.length);
        }
        return values[0];
    }

    public float fp32(String name) {
        float[] values = require(name).asFp32();
        if (values.length != 1) {
            throw invalid("input '" + name + "' must hold exactly one value, got " + values.length);
        }
        return values[0];
    }

    public ModelContract contract() {
        return contract;
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static void checkShape(ModelContract contract, TensorSpec spec, List<Long> shape) {
        boolean batched = contract.maxBatchSize() > 0;
        int expectedRank = spec.dims().size() + (batched ? 1 : 0);
        if (shape.size() != expectedRank) {
            throw invalid("input '" + spec.name() + "' has shape " + shape + ", expected rank " + expectedRank
                    + " matching " + spec.metadataShape(contract.maxBatchSize()));
        }
        if (batched && (shape.get(0) < 1 || shape.get(0) > contract.maxBatchSize())) {
            throw invalid("input '" + spec.name() + "' batch size " + shape.get(0) + " is outside 1.."
                    + contract.maxBatchSize() + " for model '" + contract.name() + "'");
        }
        int offset = batched ? 1 : 0;
        for (int d = 0; d < spec.dims().size(); d++) {
            long expected = spec.dims().get(d);
            long actual = shape.get(d + offset);
            if (actual < 0 || (expected >= 0 && expected != actual)) {
                throw invalid("input '" + spec.name() + "' has shape " + shape + ", expected "
                        + spec.metadataShape(contract.maxBatchSize()));
            }
        }
        if (spec.type() != TensorType.BYTES) {
            RawTensor.elementCount(shape);
        }
    }
}
