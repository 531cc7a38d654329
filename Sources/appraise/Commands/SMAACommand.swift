import Foundation
import AppraiseKit
import AppraiseRender

enum SMAACommand {
    static let spec = CommandSpec(
        name: "smaa",
        abstract: "SMAA-2 analysis: how often each option takes each rank under random weights, sampled or exact.",
        discussion: """
        Draws weightings uniformly at random (all weightings, only those that respect an order of
        importance, or those within ± a percentage of the current weights), optionally moves every
        score at random by up to K scale steps, and reports rank acceptability indices, central
        weights, confidence factors and the Monte Carlo margin of error. The same seed gives the
        same numbers on every machine, whatever the number of cores.

        With --exact there is no sampling: the weightings that put an option in a place form
        convex regions, and their shares of all weightings and their centres are computed as
        exact fractions. First places and central weights are exact for any size; every rank
        for up to \(ExactSMAA.allRanksLimit) options. Scores cannot be varied with --exact. An
        analysis that runs past a fixed budget of work (counted in digits handled, not time)
        stops with a message to sample instead. Fractions too long to read are shown in text
        as decimals; JSON and CSV keep them whole.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON).")],
        options: [
            .init(name: "samples", value: "N", help: "Number of random draws.", defaultValue: String(SMAA.Configuration.defaultSamples)),
            .init(name: "seed", value: "S", help: "Seed of the random numbers.", defaultValue: String(SMAA.Configuration.defaultSeed)),
            .init(name: "weights", value: "SET", help: "Current weights (for --weight-spread).", defaultValue: "default"),
            .init(name: "weights-order", value: "IDS", help: "Only weightings that respect this order of importance (criterion ids, most important first, comma-separated)."),
            .init(name: "weight-spread", value: "P", help: "Only weightings within ±P per cent of the current weights."),
            .init(name: "score-spread", value: "K", help: "Move every score at random by up to K scale steps.", defaultValue: "0"),
            .init(name: "exact", value: nil, help: "Compute the shares exactly instead of sampling them."),
            OutputFormat.option(),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let input = try LoadedAppraisal.load(arguments.argument("FILE")!, console: console)
        let selection = try input.selection(arguments.value("weights", spec: spec))
        var configuration = SMAA.Configuration(
            samples: try arguments.integer("samples", spec: spec, in: 1...1_000_000_000)!,
            seed: try seed(arguments.value("seed", spec: spec)!),
            scoreSpread: try arguments.integer("score-spread", spec: spec, in: 0...100)!)
        let order = try criterionList(arguments.all("weights-order").last, option: "weights-order", appraisal: input.appraisal)
        let spread = arguments.all("weight-spread").last
        switch (order, spread) {
        case (_?, _?):
            throw UsageError(message: "give --weights-order or --weight-spread, not both")
        case (let order?, nil):
            configuration.weights = .ordered(order)
        case (nil, let text?):
            guard let percent = NumberText.read(text)?.value.doubleValue, percent >= 0, percent <= 100 else {
                throw UsageError(message: "--weight-spread must be a percentage from 0 to 100, not '\(text)'")
            }
            configuration.weights = .around(percent: percent)
        case (nil, nil):
            break
        }
        if arguments.flag("exact") {
            return try runExact(arguments, console, input: input, weights: selection.weights, order: order, spread: spread)
        }
        let result: SMAA.Result
        do {
            result = try SMAA.run(matrix: input.matrix, weights: selection.weights, configuration: configuration)
        } catch {
            throw InputError(message: "\(error)")
        }
        let names = DisplayNames(input.appraisal)
        console.out(OutputFormat.from(arguments, spec: spec).render(
            findings: RobustnessStatements.smaa(result, names: names), tables: SMAARenderer.tables(result, labels: names),
            json: SMAARenderer.json(result)))
        return .success
    }

    /// `smaa --exact`: the same analysis without sampling error.
    private static func runExact(_ arguments: ParsedArguments, _ console: Console, input: LoadedAppraisal, weights: Weights,
                                 order: [String]?, spread: String?) throws -> ExitStatus {
        for name in ["samples", "seed"] where !arguments.all(name).isEmpty {
            throw UsageError(message: "--\(name) is for sampling; --exact draws no samples, so leave it out")
        }
        guard try arguments.integer("score-spread", spec: spec, in: 0...100)! == 0 else {
            throw UsageError(message: "--score-spread varies scores at random, which --exact cannot do; leave out one of the two")
        }
        let region: ExactSMAA.Region
        if let order {
            region = .ordered(order)
        } else if let spread {
            guard let percent = Rational(decimal: spread), !percent.isNegative, percent <= Rational(100) else {
                throw UsageError(message: "--weight-spread must be a percentage from 0 to 100, not '\(spread)'")
            }
            region = .around(percent: percent)
        } else {
            region = .uniform
        }
        let matrix = input.matrix
        let result: ExactSMAA.Result
        do {
            result = try ExactSMAA.run(matrix: matrix, weights: weights, region: region,
                                       allRanks: matrix.optionCount <= ExactSMAA.allRanksLimit, budget: ExactSMAA.commandBudget)
        } catch is ExactSMAA.WorkLimitReached {
            throw InputError(message: "\(arguments.argument("FILE")!): the exact analysis of \(matrix.optionCount) options and \(matrix.criterionCount) criteria "
                + "ran past its work budget (\(ExactSMAA.commandBudget) word products); leave out --exact to sample the shares instead")
        } catch {
            throw InputError(message: "\(error)")
        }
        let names = DisplayNames(input.appraisal)
        console.out(OutputFormat.from(arguments, spec: spec).render(
            findings: RobustnessStatements.exactSMAA(result, names: names), tables: SMAARenderer.tables(result, labels: names),
            json: SMAARenderer.json(result)))
        return .success
    }

    static func seed(_ text: String) throws(UsageError) -> UInt64 {
        guard let seed = UInt64(text) else { throw UsageError(message: "--seed must be a whole number from 0 to \(UInt64.max), not '\(text)'") }
        return seed
    }

    /// A comma-separated list of criterion ids that must name every criterion once.
    static func criterionList(_ text: String?, option: String, appraisal: Appraisal) throws(UsageError) -> [String]? {
        guard let text else { return nil }
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let known = appraisal.criteria.map(\.id)
        if let unknown = ids.first(where: { !known.contains($0) }) {
            throw UsageError(message: "--\(option): '\(unknown)' is not a criterion; the criteria are \(known.joined(separator: ", "))")
        }
        guard Set(ids).count == ids.count, ids.count == known.count else {
            throw UsageError(message: "--\(option) must list every criterion once, most important first: \(known.joined(separator: ","))")
        }
        return ids
    }
}
