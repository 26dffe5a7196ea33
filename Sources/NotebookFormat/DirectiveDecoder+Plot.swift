import Yams

extension DirectiveDecoder {
    static let plotKeys = [
        "title", "xlabel", "ylabel", "series", "xlim", "ylim", "xscale", "yscale", "width", "height", "band",
    ]

    func decodePlot() {
        guard let f = fields(allowed: Self.plotKeys) else { return }
        var decl = PlotDecl(series: [])
        if let (_, n) = f["title"] { decl.title = yaml.string(n, "title") }
        if let (_, n) = f["xlabel"] { decl.xlabel = yaml.string(n, "xlabel") }
        if let (_, n) = f["ylabel"] { decl.ylabel = yaml.string(n, "ylabel") }
        if let (_, n) = f["xlim"] { decl.xlim = yaml.pair(n, "xlim") }
        if let (_, n) = f["ylim"] { decl.ylim = yaml.pair(n, "ylim") }
        if let (_, n) = f["xscale"] { decl.xscale = yaml.choice(n, "xscale", ["linear", "log"]) ?? "linear" }
        if let (_, n) = f["yscale"] { decl.yscale = yaml.choice(n, "yscale", ["linear", "log"]) ?? "linear" }
        if let (_, n) = f["width"] {
            decl.width = yaml.double(n, "width", range: "> 0 and <= 100 (inches)", { $0 > 0 && $0 <= 100 })
        }
        if let (_, n) = f["height"] {
            decl.height = yaml.double(n, "height", range: "> 0 and <= 100 (inches)", { $0 > 0 && $0 <= 100 })
        }
        if let (_, n) = f["band"] { decl.band = band(n) }
        checkLimits(f["xlim"]?.1, decl.xlim, scale: decl.xscale, axis: "x")
        checkLimits(f["ylim"]?.1, decl.ylim, scale: decl.yscale, axis: "y")
        if let (_, n) = f["series"], let items = yaml.list(n, "series") {
            if items.isEmpty {
                diagnostics.error("`series` is empty; a plot needs at least one series", at: yaml.span(n))
            }
            for item in items {
                if case .scalar = item {
                    if let y = pathExpression(item, "series", wantsSeries: true) {
                        decl.series.append(SeriesDecl(y: y, label: y.source))
                    }
                    continue
                }
                guard let pairs = yaml.mapping(item, expected: "a value path or `{y: path, label: text}`") else {
                    continue
                }
                yaml.checkKeys(pairs, allowed: ["y", "x", "label", "band"], in: "a plot series")
                guard let yPair = pairs.first(where: { $0.key == "y" }) else {
                    diagnostics.error(
                        "a plot series needs `y:`", at: yaml.span(item),
                        suggestion: "e.g. `{y: no_dropout.history.val_loss, label: \"val_loss\"}`")
                    continue
                }
                guard let y = pathExpression(yPair.value, "y", wantsSeries: true) else { continue }
                var series = SeriesDecl(y: y, label: y.source)
                if let x = pairs.first(where: { $0.key == "x" }) {
                    series.x = pathExpression(x.value, "x", wantsSeries: true)
                }
                if let l = pairs.first(where: { $0.key == "label" }) {
                    series.label = yaml.string(l.value, "label") ?? y.source
                }
                if let b = pairs.first(where: { $0.key == "band" }) { series.band = band(b.value) }
                decl.series.append(series)
            }
        } else if f["series"] == nil {
            yaml.missing("series", example: "series: [{y: no_dropout.history.val_loss, label: \"val_loss\"}]")
        }
        draft.payload = .plot(decl)
        // `band` joins the text only when written, so plots without it keep their keys.
        let series = decl.series.map {
            "\($0.y.source);\($0.x?.source ?? "");\($0.label)" + ($0.band.map { ";band=\($0.rawValue)" } ?? "")
        }
        draft.normalizedBody = Self.canonical([
            ("title", decl.title), ("xlabel", decl.xlabel), ("ylabel", decl.ylabel),
            ("series", series.joined(separator: "|")),
            ("xlim", decl.xlim.map { $0.map(Self.number).joined(separator: ",") }),
            ("ylim", decl.ylim.map { $0.map(Self.number).joined(separator: ",") }),
            ("xscale", decl.xscale), ("yscale", decl.yscale),
            ("width", decl.width.map(Self.number)), ("height", decl.height.map(Self.number)),
            ("band", decl.band?.rawValue),
        ])
    }

    /// `band: ci95 | sd | range | none`.
    private func band(_ node: Node) -> BandKind? {
        yaml.choice(node, "band", BandKind.allCases.map(\.rawValue)).flatMap(BandKind.init(rawValue:))
    }
}
