extension DirectiveDecoder {
    static let datasetKeys = ["source", "idx", "csv", "scale", "limit", "data_dir"]
    static let datasetSources = ["mnist", "fashion-mnist"]

    func decodeDataset() {
        guard let f = fields(allowed: Self.datasetKeys) else { return }
        let given = ["source", "idx", "csv"].filter { f[$0] != nil }
        var source: DatasetDecl.Source?
        if given.isEmpty {
            yaml.missing("source", example: "source: mnist")
        } else if given.count > 1 {
            let (span, _) = f[given[1]]!
            diagnostics.error("give only one of `source:`, `idx:` and `csv:`", at: span)
        } else if let (_, node) = f["source"] {
            switch yaml.choice(node, "source", Self.datasetSources, caseInsensitive: true) {
            case "mnist": source = .mnist
            case "fashion-mnist": source = .fashionMNIST
            default: break
            }
        } else if let (_, node) = f["idx"] {
            if let dir = yaml.string(node, "idx") { source = .idx(dir) }
        } else if let (_, node) = f["csv"] {
            if case .mapping = node, let pairs = yaml.mapping(node, expected: "a file or `{train: FILE, test: FILE}`") {
                yaml.checkKeys(pairs, allowed: ["train", "test"], in: "`csv`")
                let train = pairs.first { $0.key == "train" }.flatMap { yaml.string($0.value, "csv.train") }
                let test = pairs.first { $0.key == "test" }.flatMap { yaml.string($0.value, "csv.test") }
                if let train {
                    source = .csv(train: train, test: test)
                } else if !pairs.contains(where: { $0.key == "train" }) {
                    diagnostics.error("`csv` needs a `train:` file", at: yaml.span(node))
                }
            } else if let file = yaml.string(node, "csv") {
                source = .csv(train: file, test: nil)
            }
        }
        var decl = DatasetDecl(source: source ?? .mnist)
        if let (_, node) = f["scale"] {
            decl.scale = yaml.double(node, "scale", range: "> 0", { $0 > 0 }) ?? 255
        }
        if let (_, node) = f["data_dir"] { decl.dataDir = yaml.string(node, "data_dir") }
        if let (_, node) = f["limit"], let pairs = yaml.mapping(node, expected: "`{train: N, test: N}`") {
            yaml.checkKeys(pairs, allowed: ["train", "test"], in: "`limit`")
            for p in pairs {
                if p.key == "train" { decl.trainLimit = yaml.int(p.value, "limit.train", atLeast: 1) }
                if p.key == "test" { decl.testLimit = yaml.int(p.value, "limit.test", atLeast: 1) }
            }
        }
        guard source != nil else { return }
        let sourceText: String
        switch decl.source {
        case .mnist: sourceText = "mnist"
        case .fashionMNIST: sourceText = "fashion-mnist"
        case .idx(let d): sourceText = "idx:\(d)"
        case .csv(let train, let test): sourceText = "csv:\(train),\(test ?? "")"
        }
        draft.payload = .dataset(decl)
        draft.normalizedBody = Self.canonical([
            ("source", sourceText), ("scale", Self.number(decl.scale)),
            ("limit.train", decl.trainLimit.map(String.init)), ("limit.test", decl.testLimit.map(String.init)),
            ("data_dir", decl.dataDir),
        ])
    }
}
