// Layers, losses, optimizers, metrics, value names and cross-reference labels are declared once,
// in Vocabulary; NotebookFormat re-exports it, so a `Notebook`'s users see those types directly.
@_exported import Vocabulary
