package com.atelier.inference.contract;

import java.util.List;

/**
 * One input or output of a model as config.pbtxt declares it: name, type, dimensions without the
 * batch dimension (-1 for a variable size) and whether a request may leave it out.
 */
public record TensorSpec(String name, TensorType type, List<Long> dims, boolean optional) {

    public TensorSpec {
        dims = List.copyOf(dims);
    }

    public static TensorSpec required(String name, TensorType type, long... dims) {
        return new TensorSpec(name, type, boxed(dims), false);
    }

    public static TensorSpec optional(String name, TensorType type, long... dims) {
        return new TensorSpec(name, type, boxed(dims), true);
    }

    /** The shape as ModelMetadata reports it: the batch dimension (-1) first when the model batches. */
    public List<Long> metadataShape(int maxBatchSize) {
        if (maxBatchSize == 0) {
            return dims;
        }
        var shape = new java.util.ArrayList<Long>(dims.size() + 1);
        shape.add(-1L);
        shape.addAll(dims);
        return List.copyOf(shape);
    }

    private static List<Long> boxed(long... dims) {
        return java.util.Arrays.stream(dims).boxed().toList();
    }
}
