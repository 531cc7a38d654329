import AppraiseKit
import AppraiseRender
import Foundation

enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "The main job: print a committee-ready summary and write the whole pack.",
        discussion: """
        Prints the ranking and, where the file records what a publication declared, whether the
        published totals and ranks agree with the scores and what any difference does to the
        ranking. Writes the pack in every format (CSV per table, report.md, report.json,
        report.html, report.docx, workbook.xlsx, a standalone SVG per chart, manifest.json,
        SHA256SUMS) to exports/<appraisal-id>/ (or --out DIR),
        replacing existing files atomically; 'appraise export' writes chosen formats only.
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
        var pack = try ReportPack(appraisal: input.longList, fingerprint: input.fingerprint, matrix: input.matrix, selection: selection,
                              toolVersion: CLI.version, datasets: input.file.datasets)
        pack.journal = JournalHead.forPack(arguments.argument("FILE")!, fingerprint: input.fingerprint, console: console)
        let folder = ExportCommand.outputFolder(arguments.value("out", spec: spec), appraisalID: input.appraisal.id)
        console.out(pack.summary)
        let count = try ExportCommand.write(pack, formats: PackFormat.allCases, to: folder)
        console.out("\nWrote \(count) files to \(folder.relativePath)/\n")
        return .success
    }
}
