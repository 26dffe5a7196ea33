/// The YAML front matter between the leading `---` lines.
public struct FrontMatter: Sendable {
    public var title: String?
    public var author: String?
    /// As written (`2026-11-23`), not interpreted.
    public var date: String?
    /// The HTML `lang` attribute and the plot font choice; default "en".
    public var lang: String = "en"
    /// Root seed; each directive derives its own from it and its id. Default 0.
    public var seed: UInt64 = 0
    /// Parameters in the order written, after `--set` overrides.
    public var params: [(name: String, value: ParamValue)] = []
    public var template: String?
    /// Where data sets are looked for (`data_dir:`), relative to the notebook.
    public var dataDir: String?

    public init() {}

    /// The value of param `name`, if declared.
    public func param(_ name: String) -> ParamValue? {
        params.first(where: { $0.name == name })?.value
    }

    /// Keys the front matter accepts.
    public static let keys = ["title", "author", "date", "lang", "seed", "params", "template", "data_dir"]
}
