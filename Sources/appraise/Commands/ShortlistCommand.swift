import AppraiseKit
import AppraiseRender
import Foundation

enum ShortlistCommand {
    static let spec = CommandSpec(
        name: "shortlist",
        abstract: "Show the long list: stages, screening against the critical success factors, options set aside.",
        discussion: """
        Lists every option considered with its stage (long-listed, short-listed, discounted,
        business-as-usual, do-minimum, preferred), the screening table (options × critical
        success factors: pass, pass with reservations, fail), each result with its reason and
        evidence, the options set aside and why, and the options framework's grid. The
        findings are what 'validate' warns about the long list. Works on an appraisal that is
        not yet scored.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [OutputFormat.option()],
        run: run)

    /// The warnings that concern the long list, shown as findings.
    static let codes: Set<String> = ["short-list-without-business-as-usual", "short-list-without-do-minimum", "discounted-without-reason",
                                     "failed-screening-but-scored", "not-screened"]

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let file = AppraisalFile(contentsOf: URL(fileURLWithPath: path), name: path)
        let problems = AppraisalEditor.blockingErrors(in: file)
        guard problems.isEmpty, let appraisal = file.appraisal else {
            for problem in problems { console.error(problem.formatted(file: path)) }
            throw InputError(message: "\(path) is not a usable appraisal (\(problems.count) error\(problems.count == 1 ? "" : "s")); run 'appraise validate \(path)'")
        }
        let findings = file.diagnostics.warnings.filter { codes.contains($0.code) }.map(\.message)
        var json = ScreeningRenderer.json(appraisal)
        if case .object(var members) = json {
            members["findings"] = .array(findings.map(JSONValue.string))
            json = .object(members)
        }
        console.out(OutputFormat.from(arguments, spec: spec).render(findings: findings, tables: ScreeningRenderer.tables(appraisal), json: json))
        return .success
    }
}
