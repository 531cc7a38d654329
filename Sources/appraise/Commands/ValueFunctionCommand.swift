import AppraiseKit
import Foundation

enum ValueFunctionCommand {
    static let spec = CommandSpec(
        name: "value-function",
        abstract: "Score a criterion from measurements through a value function (journalled).",
        discussion: """
        Without --option, gives the criterion its value function: --linear WORST:BEST (a straight
        line from the worst level, bottom of the scale, to the best, top of the scale, clipped;
        lower is better when WORST is above BEST), --piecewise LEVEL=SCORE,LEVEL=SCORE,... (levels
        rising, clipped at the ends) or --category NAME=SCORE for each category; --unit names the
        unit of the levels; --measure takes every option's level from its amounts of a measure
        (see 'measures' in the file) and scores every option at once. --judged makes the
        criterion judged again. With --option, records what was measured for that option:
        --level N, --category NAME or --indicator DATASET:REF[@PERIOD] (a KPI indicator the
        appraisal cites; its latest reported value without @PERIOD); the score and its working
        ("12 places → 3 by the linear function ...") are written into the cell and its rationale.
        A typed score on a measured criterion is refused: --override VALUE keeps one, with
        --reason saying why.
        """,
        arguments: [
            .init(name: "FILE", help: "The appraisal file (JSON)."),
            .init(name: "CRITERION", help: "The criterion's id."),
        ],
        options: [
            .init(name: "linear", value: "WORST:BEST", help: "A linear value function between two reference levels."),
            .init(name: "piecewise", value: "L=S,L=S,...", help: "A piecewise linear value function through stated points."),
            .init(name: "category", value: "NAME[=SCORE]", help: "A category and its score (function), or the option's category.", repeatable: true),
            .init(name: "unit", value: "TEXT", help: "The unit of the levels (places, weeks, %)."),
            .init(name: "measure", value: "ID", help: "Take every option's level from its amounts of this measure."),
            .init(name: "judged", value: nil, help: "Remove the value function: scores are judged again."),
            .init(name: "option", value: "ID", help: "The option whose measurement to record."),
            .init(name: "level", value: "N", help: "The option's measured level."),
            .init(name: "indicator", value: "DATASET:REF[@PERIOD]", help: "A cited KPI indicator whose value is the option's level."),
            .init(name: "override", value: "VALUE", help: "Keep a typed score on the measured criterion (needs --reason)."),
            EditSession.byOption,
            EditSession.reasonOption,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let criterion = arguments.argument("CRITERION")!
        let edit: ValueTreeEdit
        let action: String
        if let option = arguments.value("option", spec: spec) {
            try EditArguments.reject(["linear", "piecewise", "unit", "measure", "judged"], in: arguments, action: "an option's measurement",
                                     hint: "give the value function in its own 'appraise value-function FILE CRITERION' without --option")
            let categories = arguments.all("category")
            let given = [arguments.value("level", spec: spec) != nil, !categories.isEmpty, arguments.value("indicator", spec: spec) != nil,
                         arguments.value("override", spec: spec) != nil].filter { $0 }.count
            guard given == 1 else { throw UsageError(message: "give one of --level N, --category NAME, --indicator DATASET:REF or --override VALUE") }
            if let value = try EditArguments.number(arguments, "override", spec: spec) {
                edit = .overrideScore(option: option, criterion: criterion, value: value, reason: arguments.value("reason", spec: spec) ?? "")
                action = "value-function override"
            } else {
                let measurement: CellMeasurement
                if let level = try EditArguments.number(arguments, "level", spec: spec, bound: NumberBounds.large) {
                    measurement = .level(level)
                } else if let category = categories.first {
                    guard categories.count == 1 else { throw UsageError(message: "an option has one category; give --category once") }
                    measurement = .category(category)
                } else {
                    measurement = try indicator(arguments.value("indicator", spec: spec)!)
                }
                let datasets = AppraisalFile(contentsOf: URL(fileURLWithPath: path), name: path).datasets
                edit = .measure(option: option, criterion: criterion, measurement, rationale: nil, datasets: datasets)
                action = "value-function measurement"
            }
        } else {
            try EditArguments.reject(["level", "indicator", "override"], in: arguments, action: "a value function", hint: "name the option with --option ID")
            if arguments.flag("judged") {
                try EditArguments.reject(["linear", "piecewise", "category", "unit", "measure"], in: arguments, action: "--judged", hint: "--judged takes only --by and --reason")
                edit = .setMeasured(criterion: criterion, nil)
            } else {
                edit = .setMeasured(criterion: criterion, MeasuredScoring(unit: arguments.value("unit", spec: spec) ?? "", function: try function(arguments),
                                                                          measure: arguments.value("measure", spec: spec)))
            }
            action = "value-function"
        }
        let session = try EditSession.open(path, arguments: arguments, spec: spec, console: console)
        return try session.apply(.valueTree(edit), action: action, arguments: arguments, spec: spec, console: console)
    }

    static func function(_ arguments: ParsedArguments) throws -> ValueFunction {
        let linear = arguments.value("linear", spec: spec), piecewise = arguments.value("piecewise", spec: spec)
        let categories = arguments.all("category")
        guard [linear != nil, piecewise != nil, !categories.isEmpty].filter({ $0 }).count == 1 else {
            throw UsageError(message: "give one value function: --linear WORST:BEST, --piecewise L=S,L=S or --category NAME=SCORE (repeated)")
        }
        if let linear {
            let parts = linear.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw UsageError(message: "--linear takes WORST:BEST, e.g. 0:20 (or 52:0 when lower is better), not '\(linear)'") }
            let worst = try EditArguments.number(parts[0], what: "--linear's worst level", bound: NumberBounds.large), best = try EditArguments.number(parts[1], what: "--linear's best level", bound: NumberBounds.large)
            guard worst != best else { throw UsageError(message: "--linear needs two different levels, not \(linear)") }
            return .linear(worst: worst, best: best)
        }
        if let piecewise {
            let points = try piecewise.split(separator: ",").map { pair throws -> ValuePoint in
                let parts = pair.split(separator: "=").map(String.init)
                guard parts.count == 2 else { throw UsageError(message: "--piecewise takes LEVEL=SCORE pairs separated by commas, e.g. 0=0,10=3,20=5") }
                return ValuePoint(level: try EditArguments.number(parts[0], what: "a level", bound: NumberBounds.large), score: try EditArguments.number(parts[1], what: "a score"))
            }
            guard points.count >= 2, zip(points, points.dropFirst()).allSatisfy({ $0.level < $1.level }) else {
                throw UsageError(message: "--piecewise needs at least two points with rising levels, e.g. 0=0,10=3,20=5")
            }
            return .piecewise(points)
        }
        return .categories(try categories.map { text throws -> (category: String, score: Rational) in
            guard let equals = text.lastIndex(of: "=") else { throw UsageError(message: "--category takes NAME=SCORE for a value function, not '\(text)'") }
            return (String(text[..<equals]), try EditArguments.number(String(text[text.index(after: equals)...]), what: "a category's score"))
        })
    }

    /// DATASET:REF[@PERIOD].
    static func indicator(_ text: String) throws -> CellMeasurement {
        let (citation, period) = text.firstIndex(of: "@").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) } ?? (text, nil)
        guard let colon = citation.firstIndex(of: ":"), colon != citation.startIndex, citation.index(after: colon) != citation.endIndex else {
            throw UsageError(message: "--indicator takes DATASET:REF[@PERIOD], e.g. sc-2017-06:11.1@Jun 2017, not '\(text)'")
        }
        return .indicator(dataset: String(citation[..<colon]), indicator: String(citation[citation.index(after: colon)...]), period: period)
    }
}
