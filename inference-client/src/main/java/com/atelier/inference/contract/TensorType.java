package com.atelier.inference.contract;

import com.atelier.inference.protocol.DataType;

/** The tensor element types Atelier's models use, with their KServe v2 wire name and Triton config type. */
public enum TensorType {
    BOOL("BOOL", DataType.TYPE_BOOL, 1),
    UINT8("UINT8", DataType.TYPE_UINT8, 1),
    INT32("INT32", DataType.TYPE_INT32, 4),
    INT64("INT64", DataType.TYPE_INT64, 8),
    FP16("FP16", DataType.TYPE_FP16, 2),
    FP32("FP32", DataType.TYPE_FP32, 4),
    /** Variable-length elements; config.pbtxt calls them TYPE_STRING. */
    BYTES("BYTES", DataType.TYPE_STRING, -1);

    private final String wireName;
    private final DataType configType;
    private final int elementBytes;

    TensorType(String wireName, DataType configType, int elementBytes) {
        this.wireName = wireName;
        this.configType = configType;
        this.elementBytes = elementBytes;
    }

    /** The datatype string of ModelInfer and ModelMetadata ("FP32", "BYTES", ...). */
    public String wireName() {
        return wireName;
    }

    /** The data_type of config.pbtxt and of the ModelConfig answer. */
    public DataType configType() {
        return configType;
    }

    /** Size of one element in raw contents, or -1 for BYTES whose elements carry their own length. */
    public int elementBytes() {
        return elementBytes;
    }

    public static TensorType fromWireName(String name) {
        for (TensorType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported tensor datatype '" + name + "'");
    }

    public static TensorType fromConfigType(DataType dataType) {
        for (TensorType type : values()) {
            if (type.configType == dataType) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported config data_type " + dataType);
    }
}
