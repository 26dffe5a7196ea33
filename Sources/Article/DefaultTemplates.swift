/// The default templates and stylesheet, compiled into the binary.
///
/// `Sources/Article/Templates/` stays a folder of ordinary files; SwiftPM's `.embedInCode` resource rule
/// (Package.swift) turns each file into a `PackageResources.<name>` byte array at build time, so the
/// binary needs no resource bundle at run time and the embedded text cannot drift from the files.
enum DefaultTemplates {
    /// File name → bytes, one entry per file of `Templates/`.
    static let files: [String: [UInt8]] = [
        "article.mustache": PackageResources.article_mustache,
        "code.mustache": PackageResources.code_mustache,
        "figure.mustache": PackageResources.figure_mustache,
        "fragment.mustache": PackageResources.fragment_mustache,
        "model-summary.mustache": PackageResources.model_summary_mustache,
        "provenance.mustache": PackageResources.provenance_mustache,
        "style.css": PackageResources.style_css,
        "table.mustache": PackageResources.table_mustache,
        "toc.mustache": PackageResources.toc_mustache,
    ]

    /// The text of a default file; a name that is not one is a programmer error.
    static func text(_ name: String) -> String {
        guard let bytes = files[name] else { preconditionFailure("no default template named \(name)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How a default file is named in error messages (it has no path on disk once built).
    static func displayPath(_ name: String) -> String {
        "nbrun:Templates/\(name)"
    }
}
