import AppraiseKit
import AppraiseRender
import Foundation

enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check an appraisal file and report every problem at once.",
        discussion: """
        Lists every error (malformed JSON, unknown fields, unknown or duplicate ids, missing or
        extra scores, scores off the scale or its steps, unusable weights) with its place in the
        file and how to fix it, and warnings such as published totals that are not the sum of
        their scores, or (when the file records a long list) a short list without business as
        usual or a do-minimum, a discounted option without a reason, an option scored after
        failing a critical success factor, a short-listed option not screened. Exit 0 when the
        file is usable (warnings allowed), 1 when it has errors.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [OutputFormat.option([.text, .json])],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let file = AppraisalFile(contentsOf: URL(fileURLWithPath: path), name: path)
        switch OutputFormat.from(arguments, spec: spec) {
        case .json: console.out(ValidationRenderer.json(file).withExactSiblings.prettyText)
        default: console.out(ValidationRenderer.text(file))
        }
        return file.isValid ? .success : .invalidInput
    }
}
