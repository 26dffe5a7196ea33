import ArgumentParser
import Foundation
import Runner

/// `nbrun new NAME.md`: write a starter notebook that runs as written.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter notebook (data set, two models, training, plot, table) that runs as written."
    )

    @Argument(help: "The notebook to create (a new .md file; an existing file is never overwritten).")
    var notebook: String

    func validate() throws {
        guard notebook.lowercased().hasSuffix(".md") else {
            throw ValidationError("the notebook name must end in .md, got '\(notebook)'.")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: notebook)
        try StarterNotebook.write(to: url)
        print("wrote \(notebook); run it with: nbrun \(notebook)")
    }
}
