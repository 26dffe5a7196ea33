// The layer, activation, padding and loss types are declared once, in Vocabulary (shared with
// NotebookFormat); the Engine re-exports them so that its users see one set of names.
@_exported import Vocabulary
