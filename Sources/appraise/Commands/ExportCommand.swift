import AppraiseKit
import AppraiseRender
import Foundation

enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        abstract: "Write the pack in chosen formats: CSV, Markdown, JSON, HTML, Word, Excel, SVG charts.",
        discussion: """
        Writes one CSV file per table, report.md, report.json, report.html, report.docx (Word),
        workbook.xlsx (Excel, with live totals) and chart-*.svg (any of them, by --format), then
        manifest.json and SHA256SUMS with the SHA-256 of every file written, so
        'appraise verify-pack DIR' can show the pack has not been altered. Files are replaced
        atomically; files an earlier pack in the folder listed but this one does not write are
        removed. The output depends only on the appraisal and the options, byte for byte.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "out", value: "DIR", help: "Folder to write the pack to.", defaultValue: "exports/<appraisal-id>"),
            .init(name: "format", value: "LIST", help: "Comma-separated formats to write: csv, md, json, html, docx, xlsx, svg.",
                  defaultValue: "csv,md,json,html,docx,xlsx,svg",
                  repeatable: true),
            .init(name: "weights", value: "SET", help: "Weighting to report under.", defaultValue: "default"),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let formats = try parseFormats(arguments.all("format").isEmpty ? [PackFormat.allCases.map(\.rawValue).joined(separator: ",")] : arguments.all("format"))
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        var pack = try ReportPack(appraisal: input.longList, fingerprint: input.fingerprint, matrix: input.matrix, selection: selection,
                              toolVersion: CLI.version, datasets: input.file.datasets)
        pack.journal = JournalHead.forPack(arguments.argument("FILE")!, fingerprint: input.fingerprint, console: console)
        let folder = outputFolder(arguments.value("out", spec: spec), appraisalID: input.appraisal.id)
        let count = try write(pack, formats: formats, to: folder)
        console.out("Wrote \(count) files to \(folder.relativePath)/\n")
        return .success
    }

    /// Reads `--format csv,md` (and repeated `--format`), refusing unknown names up front.
    static func parseFormats(_ values: [String]) throws(UsageError) -> [PackFormat] {
        var formats: [PackFormat] = []
        for name in values.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = PackFormat(rawValue: name) else {
                throw UsageError(message: "--format takes csv, md, json, html, docx, xlsx or svg (comma-separated), not '\(name)'")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw UsageError(message: "--format needs at least one of csv, md, json, html, docx, xlsx, svg") }
        return formats.sorted()
    }

    /// The pack's folder: `--out`, or `exports/<appraisal-id>/` under the current folder.
    static func outputFolder(_ option: String?, appraisalID: String) -> URL {
        guard let option, option != "exports/<appraisal-id>" else {
            return URL(fileURLWithPath: "exports", isDirectory: true).appendingPathComponent(appraisalID, isDirectory: true)
        }
        return URL(fileURLWithPath: option, isDirectory: true)
    }

    /// Writes every file of the pack atomically, manifest last, and removes the files an
    /// earlier pack's manifest listed that this pack no longer writes, so the folder always
    /// matches its manifest. Returns the number of files written.
    static func write(_ pack: ReportPack, formats: [PackFormat], to folder: URL) throws(InputError) -> Int {
        let files = pack.files(formats)
        let previous = FileManager.default.contents(atPath: folder.appendingPathComponent(PackManifest.fileName).path)
            .flatMap { try? PackManifest(parsing: $0) }
        for file in files {
            try AtomicFile.write(file.contents, to: folder.appendingPathComponent(file.path))
        }
        let written = Set(files.map(\.path))
        for entry in previous?.files ?? [] where !written.contains(entry.path) && !entry.path.contains("/") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry.path))
        }
        return files.count
    }
}
