import AppraiseKit
import AppraiseRender
import Foundation

enum DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show what changed between two versions of an appraisal and what it did to the ranking.",
        discussion: """
        Lists every change from OLD to NEW (criteria, options, weights and weight sets, scores and
        their rationale, anything else in the file), then each option's rank and total in both
        versions, each under its own weights, and whether first place changed. Either version may
        be unfinished; a version with unscored cells has no ranking.
        """,
        arguments: [
            .init(name: "OLD", help: "The earlier appraisal file (JSON)."),
            .init(name: "NEW", help: "The later appraisal file (JSON)."),
        ],
        options: [OutputFormat.option([.text, .json])],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let old = try load(arguments.argument("OLD")!), new = try load(arguments.argument("NEW")!)
        let diff = AppraisalDiff(old: old.appraisal, oldDocument: old.document, new: new.appraisal, newDocument: new.document)
        switch OutputFormat.from(arguments, spec: spec) {
        case .json:
            console.out(DiffRenderer.json(diff, oldFingerprint: old.fingerprint, newFingerprint: new.fingerprint).withExactSiblings.prettyText)
        default:
            console.out(DiffRenderer.text(diff, old: old.appraisal, new: new.appraisal, oldName: old.path, newName: new.path))
        }
        return .success
    }

    private static func load(_ path: String) throws(InputError) -> (path: String, appraisal: Appraisal, document: [String: JSONValue], fingerprint: String) {
        let read = InputFile.read(path)
        let data = try? read.get()
        let file = AppraisalFile(data: data ?? Data(), name: path)
        guard let data, let appraisal = file.appraisal, let document = JournalVerification.document(data), let fingerprint = file.fingerprint else {
            let first = file.diagnostics.errors.first.map { ": " + $0.formatted(file: path) } ?? ""
            if case .failure(let unreadable) = read { throw InputError(message: "\(path): \(unreadable.reason)") }
            throw InputError(message: "\(path) cannot be read as an appraisal\(first)")
        }
        return (path, appraisal, document, fingerprint)
    }
}
