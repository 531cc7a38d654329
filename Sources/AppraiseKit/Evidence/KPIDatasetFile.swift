import Foundation

/// A KPI dataset file as read from disk: the dataset (when it could be read) and every problem
/// found, each with the file, the place (line and column, or row and field) and the fix.
///
/// `.json` files are read as the JSON form, anything else as CSV; both forms carry the same
/// fields (see `appraisals/kpi/README.md`).
public struct KPIDatasetFile: Sendable {
    /// The file name used in messages.
    public let name: String
    /// Nil when any error was found.
    public let dataset: KPIDataset?
    /// Every problem found, in file order.
    public let diagnostics: [Diagnostic]

    /// Reads a dataset from bytes. Never throws: problems become diagnostics, all at once.
    public init(data: Data, name: String) {
        self.name = name
        let sink = DiagnosticSink()
        let builder = KPIDatasetBuilder(fileName: name, sink: sink)
        var read = false
        if name.lowercased().hasSuffix(".json") {
            if let draft = KPIDatasetJSON.read(data, sink: sink) {
                builder.expect(rows: draft.rows.count)
                builder.start(draft)
                draft.rows.forEach(builder.add)
                read = true
            }
        } else {
            read = KPIDatasetCSV.read(data, into: builder)
        }
        let dataset = read ? builder.finish() : nil
        // A file that is not valid CSV is reported as that alone, not with what its readable
        // start held (the rows are read as they are parsed).
        let malformed = sink.diagnostics.filter { $0.code == "malformed-csv" }
        diagnostics = malformed.isEmpty ? sink.diagnostics.sortedByPosition() : malformed
        self.dataset = diagnostics.errors.isEmpty ? dataset : nil
    }

    /// Reads a file from disk; an unreadable file becomes a diagnostic, not a crash.
    public init(contentsOf url: URL, name: String? = nil) {
        let displayName = name ?? url.path
        let data: Data
        switch InputFile.read(url.path, limit: .dataset) {
        case .success(let read): data = read
        case .failure(let unreadable):
            self.init(name: displayName, unreadable: unreadable.reason)
            return
        }
        self.init(data: data, name: displayName)
    }

    private init(name: String, unreadable message: String) {
        self.name = name
        dataset = nil
        diagnostics = [Diagnostic(code: "unreadable-file", message: message, location: "")]
    }

    /// Each message as `file:line:column: error: message [place]`.
    public var messages: [String] { diagnostics.map { $0.formatted(file: name) } }
}
