// swift-tools-version:6.0
// nbrun: literate experiment articles. See README.md and docs/architecture.md.
import PackageDescription

let package = Package(
    name: "nbrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nbrun", targets: ["nbrun"]),
        .executable(name: "nbrun-bench", targets: ["EngineBenchmark"]),
        .executable(name: "nbrun-fuzz", targets: ["NotebookFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The command line: argument parsing and exit codes only.
        .executableTarget(
            name: "nbrun",
            dependencies: ["Runner", "Preview", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `nbrun preview`: a local HTTP server (Hummingbird) that reruns the notebook on save and pushes
        // reloads, step lines and live figures to the page over server-sent events.
        .target(
            name: "Preview",
            dependencies: [
                "Runner", "Engine", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Plan, cache, lock file, check, progress, atomic writes: the pipeline.
        .target(
            name: "Runner",
            dependencies: [
                "NotebookFormat", "Vocabulary", "Engine", "Datasets", "Charts", "Article", "AtomicFiles", "Hashing",
                "Statistics",
            ],
            resources: [
                .embedInCode("Starter/starter.md"),  // `nbrun new`, compiled in (StarterNotebook.swift)
                .embedInCode("Export/keras_runtime.py"),  // the runtime of `nbrun export --keras` scripts
            ]
        ),
        // Front matter, directives, inline expressions, source locations, validation.
        .target(
            name: "NotebookFormat",
            dependencies: ["Vocabulary", "Markdown", "Statistics", .product(name: "Yams", package: "Yams")]
        ),
        // cmark-gfm with GitHub's extensions, wrapped once: parse, walk, find code blocks, render HTML.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        // The notebook's words, declared once: layers (Keras names, arguments, automatic names),
        // losses, optimizers, metrics, the values each directive produces, cross-reference labels,
        // the article's language. NotebookFormat produces these, Engine and Runner consume them.
        .target(name: "Vocabulary"),
        // Tensors, layers, losses, optimizers, fit/evaluate, pruning, seeded RNG.
        .target(name: "Engine", dependencies: ["Vocabulary", "CKernels"]),
        // The engine's C kernels (GEMM, fused conv + pooling, sparse dense, Adam) in run-time dispatched
        // variants that give the same bits, and its worker pool.
        .target(name: "CKernels"),
        // nbrun-bench: trains the blog model on MNIST and reports speed (docs/engine-backend.md).
        .executableTarget(name: "EngineBenchmark", dependencies: ["Engine", "Datasets", "CKernels"]),
        // nbrun-fuzz: mutated notebooks through parse + check, never a crash (`make fuzz`, issue 18).
        .executableTarget(name: "NotebookFuzz", dependencies: ["NotebookFormat", "Runner"]),
        // MNIST / Fashion-MNIST / IDX / CSV readers and checksums.
        .target(
            name: "Datasets",
            dependencies: [
                "CZ", "AtomicFiles", "Hashing", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Chart description and layout in pure Swift; a Cairo backend that draws it.
        .target(name: "Charts", dependencies: ["CCairo"]),
        // The HTML page: prose, figures, tables, provenance; templates.
        .target(
            name: "Article",
            dependencies: [
                "Vocabulary", "Markdown", "CCmarkGFM", "AtomicFiles",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Templates")]  // compiled in: see Sources/Article/DefaultTemplates.swift
        ),

        // SHA-256 as hex (swift-crypto), wrapped once: data checksums, cache keys, derived seeds.
        .target(name: "Hashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Replicate statistics: summaries, Student t (computed), Welch / paired / bootstrap comparisons.
        .target(name: "Statistics"),

        // Files written whole or not at all (temporary file + fsync + rename; staged folders swapped in).
        .target(name: "AtomicFiles"),

        // C libraries from Debian, one systemLibrary target each. (No BLAS: the engine has its own GEMM;
        // nbrun-bench --gemm opens OpenBLAS with dlopen for comparison only.)
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Fixture paths and scratch folders shared by the test targets.
        .target(name: "TestSupport", dependencies: ["Engine", "Markdown"], path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Hashing", "TestSupport"]),
        .testTarget(
            name: "NotebookFormatTests", dependencies: ["NotebookFormat", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], exclude: ["Reference"]),
        .testTarget(name: "ArticleTests", dependencies: ["Article", "TestSupport"], exclude: ["Support/html_check.py", "Golden"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Engine", "NotebookFormat", "TestSupport", "Datasets", "Markdown", "CCmarkGFM"]),
        .testTarget(
            name: "PreviewTests",
            dependencies: [
                "Preview", "TestSupport", .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles", "TestSupport"]),
        .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
