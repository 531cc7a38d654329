import AppraiseKit
import AppraiseRender
import Foundation

enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "The main job: print a committee-ready summary and write the export pack.",
        discussion: """
        Prints the ranking and, where the file records what a publication declared, whether the
        published totals and ranks agree with the scores and what any difference does to the
        ranking. Writes the tables as CSV, Markdown and JSON to exports/<appraisal-id>/ (or
        --out DIR), replacing existing files atomically.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "out", value: "DIR", help: "Folder to write the pack to.", defaultValue: "exports/<appraisal-id>"),
            .init(name: "weights", value: "SET", help: "Weighting to report under.", defaultValue: "default"),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        let pack = ReportPack(appraisal: input.appraisal, fingerprint: input.fingerprint, matrix: input.matrix, selection: selection)
        let folder = outputFolder(arguments.value("out", spec: spec), appraisalID: input.appraisal.id)
        console.out(pack.summary)
        for file in pack.files {
            try AtomicFile.write(file.contents, to: folder.appendingPathComponent(file.path))
        }
        console.out("\nWrote \(pack.files.count) files to \(folder.relativePath)/\n")
        return .success
    }

    static func outputFolder(_ option: String?, appraisalID: String) -> URL {
        guard let option, option != "exports/<appraisal-id>" else {
            return URL(fileURLWithPath: "exports", isDirectory: true).appendingPathComponent(appraisalID, isDirectory: true)
        }
        return URL(fileURLWithPath: option, isDirectory: true)
    }
}
