import AppraiseKit
import AppraiseRender
import Foundation

enum WeightsCommand {
    static let spec = CommandSpec(
        name: "weights",
        abstract: "List the weightings, or create, change or remove a weight set (journalled).",
        discussion: """
        Without --set, prints every criterion's weight in the appraisal's own weighting and in
        each weight set. With --set ID, creates the set (it needs --name and a --weight for every
        criterion) or changes the weights, name or description given; changing an existing set
        needs --reason. --remove deletes the set (with --reason).
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "set", value: "ID", help: "The weight set to create or change."),
            .init(name: "name", value: "TEXT", help: "The set's name."),
            .init(name: "description", value: "TEXT", help: "Why the set exists (empty removes it)."),
            .init(name: "weight", value: "CRITERION=VALUE", help: "A criterion's weight in the set.", repeatable: true),
            .init(name: "remove", value: nil, help: "Remove the set."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        guard let id = arguments.value("set", spec: spec) else {
            try EditArguments.reject(["name", "description", "weight", "remove"], in: arguments, action: "listing the weightings",
                                     hint: "name the weight set with --set ID")
            return try list(path, console: console)
        }
        let edit: AppraisalEdit
        if arguments.flag("remove") {
            try EditArguments.reject(["name", "description", "weight"], in: arguments, action: "--remove", hint: "--remove takes only --by and --reason")
            edit = .removeWeightSet(id: id)
        } else {
            let weights = try arguments.all("weight").map { text throws(UsageError) in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw UsageError(message: "--weight must be CRITERION=VALUE, e.g. child-focused=3, not '\(text)'")
                }
                return (criterion: parts[0], weight: try EditArguments.number(parts[1], what: "the weight of \(parts[0])", percentage: true))
            }
            let name = arguments.value("name", spec: spec), description = arguments.value("description", spec: spec)
            guard name != nil || description != nil || !weights.isEmpty else {
                throw UsageError(message: "say what to set with --weight CRITERION=VALUE, --name or --description, or remove the set with --remove")
            }
            edit = .setWeightSet(WeightSetChanges(id: id, name: name, description: description, weights: weights))
        }
        let session = try EditSession.open(path, arguments: arguments, spec: spec, console: console)
        return try session.apply(edit, action: "weights", arguments: arguments, spec: spec, console: console)
    }

    private static func list(_ path: String, console: Console) throws -> ExitStatus {
        let file = AppraisalFile(contentsOf: URL(fileURLWithPath: path), name: path)
        let problems = AppraisalEditor.blockingErrors(in: file)
        guard problems.isEmpty, let appraisal = file.appraisal else {
            for problem in problems { console.error(problem.formatted(file: path)) }
            throw InputError(message: "\(path) is not a usable appraisal (\(problems.count) error\(problems.count == 1 ? "" : "s")); run 'appraise validate \(path)'")
        }
        let sets = appraisal.weightSets
        let own = appraisal.defaultWeights
        let rows = appraisal.criteria.enumerated().map { index, criterion -> [String] in
            [criterion.label, criterion.weight.map(Formatting.number) ?? "1", own.map { Formatting.share($0.normalised[index]) } ?? ""]
                + sets.map { set in set.weight(of: criterion.id).map(Formatting.number) ?? "" }
        }
        let table = Table(
            id: "weights", title: "Weightings",
            columns: [.init("Criterion"), .init("Weight", .right), .init("Share", .right)] + sets.map { .init($0.id, .right) },
            rows: rows,
            notes: [appraisal.criteria.allSatisfy { $0.weight == nil }
                ? "The criteria carry no weights, so they count equally." : "Share: each criterion's part of the appraisal's own weighting."]
                + sets.map { "\($0.id): \($0.name)\($0.description.map { " — \($0)" } ?? "")" })
        console.out(TextTableRenderer.render(table))
        return .success
    }
}
