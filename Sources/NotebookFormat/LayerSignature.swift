/// A Keras layer constructor's parameters, in positional order, as nbrun reads them.
struct LayerSignature {
    typealias Literal = PythonCallParser.Literal

    /// Keras' class name (`Conv2D`).
    var name: String
    /// Parameter names in Keras' positional order.
    var parameters: [String]
    /// Parameters that must be given.
    var required: [String]
    /// Keras parameters nbrun does not implement, with the values that mean "default" and are accepted.
    var unsupported: [String: [Literal]]

    static let activations = ["relu", "sigmoid", "softmax", "tanh", "linear"]

    private static let regularizers: [String: [Literal]] = [
        "bias_regularizer": [.none], "activity_regularizer": [.none],
        "kernel_constraint": [.none], "bias_constraint": [.none],
    ]
    private static let initializers: [String: [Literal]] = [
        "kernel_initializer": [.string("glorot_uniform")], "bias_initializer": [.string("zeros")],
    ]
    private static let dataFormat: [String: [Literal]] = ["data_format": [.none, .string("channels_last")]]

    /// Every layer nbrun knows, by Keras name and alias (`MaxPool2D`, `AvgPool2D`, `Convolution2D`).
    static let all: [String: LayerSignature] = {
        var s: [String: LayerSignature] = [:]
        s["Input"] = LayerSignature(
            name: "Input",
            parameters: ["shape", "batch_size", "dtype", "sparse", "batch_shape", "name", "tensor", "optional"],
            required: ["shape"],
            unsupported: [
                "batch_size": [.none], "dtype": [.none, .string("float32")], "sparse": [.none, .bool(false)],
                "batch_shape": [.none], "tensor": [.none], "optional": [.bool(false)],
            ])
        s["Conv2D"] = LayerSignature(
            name: "Conv2D",
            parameters: [
                "filters", "kernel_size", "strides", "padding", "data_format",
                "dilation_rate", "groups", "activation", "use_bias",
                "kernel_initializer", "bias_initializer", "kernel_regularizer",
                "bias_regularizer", "activity_regularizer", "kernel_constraint",
                "bias_constraint",
            ],
            required: ["filters", "kernel_size"],
            unsupported: dataFormat.merging(regularizers) { a, _ in a }.merging(initializers) { a, _ in a }
                .merging(["dilation_rate": [.int(1), .tuple([.int(1), .int(1)])], "groups": [.int(1)]]) { a, _ in a })
        let pooling = ["pool_size", "strides", "padding", "data_format"]
        s["MaxPooling2D"] = LayerSignature(
            name: "MaxPooling2D", parameters: pooling, required: [], unsupported: dataFormat)
        s["AveragePooling2D"] = LayerSignature(
            name: "AveragePooling2D", parameters: pooling, required: [], unsupported: dataFormat)
        s["Flatten"] = LayerSignature(
            name: "Flatten", parameters: ["data_format"], required: [], unsupported: dataFormat)
        s["Dense"] = LayerSignature(
            name: "Dense",
            parameters: [
                "units", "activation", "use_bias", "kernel_initializer",
                "bias_initializer", "kernel_regularizer", "bias_regularizer",
                "activity_regularizer", "kernel_constraint", "bias_constraint", "lora_rank",
            ],
            required: ["units"],
            unsupported: regularizers.merging(initializers) { a, _ in a }.merging(["lora_rank": [.none]]) { a, _ in a })
        s["Dropout"] = LayerSignature(
            name: "Dropout", parameters: ["rate", "noise_shape", "seed"], required: ["rate"],
            unsupported: ["noise_shape": [.none], "seed": [.none]])
        s["Activation"] = LayerSignature(
            name: "Activation", parameters: ["activation"], required: ["activation"], unsupported: [:])
        s["BatchNormalization"] = LayerSignature(
            name: "BatchNormalization",
            parameters: [
                "axis", "momentum", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
                "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer", "gamma_regularizer",
                "beta_constraint", "gamma_constraint", "synchronized",
            ],
            required: [],
            unsupported: [
                "axis": [.int(-1), .int(3)], "center": [.bool(true)], "scale": [.bool(true)],
                "beta_initializer": [.string("zeros")], "gamma_initializer": [.string("ones")],
                "moving_mean_initializer": [.string("zeros")], "moving_variance_initializer": [.string("ones")],
                "beta_regularizer": [.none], "gamma_regularizer": [.none], "beta_constraint": [.none],
                "gamma_constraint": [.none], "synchronized": [.bool(false)],
            ])
        // Augmentation draws from the notebook's seeded generator, so `seed` stays None.
        let augmentation: [String: [Literal]] = dataFormat.merging(["seed": [.none]]) { a, _ in a }
        s["RandomFlip"] = LayerSignature(
            name: "RandomFlip", parameters: ["mode", "seed", "data_format"], required: [], unsupported: augmentation)
        let resampling = ["fill_mode", "interpolation", "seed", "fill_value", "data_format"]
        s["RandomRotation"] = LayerSignature(
            name: "RandomRotation", parameters: ["factor"] + resampling, required: ["factor"],
            unsupported: augmentation)
        s["RandomTranslation"] = LayerSignature(
            name: "RandomTranslation", parameters: ["height_factor", "width_factor"] + resampling,
            required: ["height_factor", "width_factor"], unsupported: augmentation)
        s["RandomZoom"] = LayerSignature(
            name: "RandomZoom", parameters: ["height_factor", "width_factor"] + resampling,
            required: ["height_factor"], unsupported: augmentation)
        s["GlobalAveragePooling2D"] = LayerSignature(
            name: "GlobalAveragePooling2D", parameters: ["data_format", "keepdims"], required: [],
            unsupported: dataFormat)
        s["GlobalMaxPooling2D"] = LayerSignature(
            name: "GlobalMaxPooling2D", parameters: ["data_format", "keepdims"], required: [], unsupported: dataFormat)
        s["GlobalAvgPool2D"] = s["GlobalAveragePooling2D"]
        s["GlobalMaxPool2D"] = s["GlobalMaxPooling2D"]
        s["MaxPool2D"] = s["MaxPooling2D"]
        s["AvgPool2D"] = s["AveragePooling2D"]
        s["Convolution2D"] = s["Conv2D"]
        return s
    }()

    /// The layer names an unknown name's hint lists (aliases left out).
    static let primaryNames = [
        "Input", "Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten", "Dense", "Dropout", "Activation",
        "BatchNormalization", "RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom",
        "GlobalAveragePooling2D", "GlobalMaxPooling2D",
    ]

    /// Keyword arguments every Keras layer takes: `name`, and Keras 2's `input_shape` on the first layer.
    static let common = ["name", "input_shape"]
}
