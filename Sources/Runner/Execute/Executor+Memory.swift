import Engine
import Foundation
import NotebookFormat

extension Executor {
    /// The memory guard again, now that the training rows are known (file data sets without
    /// `limit`: the check could only count one sample); runs before this train allocates anything.
    func checkMemory(_ decl: TrainDecl, directive: Directive, spec: ModelSpec, rows: Int) throws {
        guard NotebookCheck.knownTrainingRows(notebook, data: decl.data) == nil, let machine = MachineMemory.bytes,
            let sizes = try? spec.layerSizes()
        else { return }
        let memory = TrainingMemory(sizes: sizes, optimizer: decl.optimizer.name)
        let batch = min(decl.batchSize, rows)
        let needed = memory.bytes(batch: batch, rows: rows)
        guard needed > machine else { return }
        let diagnostic = NotebookCheck.diagnostic(
            directive, key: "batch_size",
            message: """
                train `\(directive.id)`: this model needs ~\(TrainingMemory.format(needed)) to train at batch \(batch) \
                on \(rows) rows; this machine has \(TrainingMemory.format(machine))
                """, suggestion: "use a smaller model, or a smaller batch_size")
        throw RunnerFailure(message: diagnostic.message, location: diagnostic.location)
    }
}
