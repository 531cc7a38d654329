/// Everything a programme appraisal reports, computed once: the best programme and its
/// runners-up (or why none meets the constraints, and the best within the budgets alone),
/// the answer at the other end of every range and unknown, the budget frontier, and the
/// robustness of the choice; rendered in every format from this one value.
public struct ProgrammeReport: Sendable {
    public let problem: ProgrammeProblem
    /// The weighting the benefits come from, in words ("the appraisal's weights").
    public let weightsName: String
    public let best: ProgrammeSolution
    /// The programme with costs at the bottom of their ranges and unknown costs at nothing;
    /// nil when every constrained figure is exact.
    public let hopeful: ProgrammeSolution?
    /// When no set meets the targets: the best programme within the budgets and rules alone.
    public let withoutTargets: ProgrammeSolution?
    /// Nil when there is no budget.
    public let frontier: BudgetFrontier?
    /// What funding by benefit per unit of the first budget chooses at that budget.
    public let greedyAtBudget: [String]?
    public let robustness: ProgrammeRobustness
    /// Each proposal's scores, in the order of the proposals.
    public let scores: [[Rational]]
    /// Chosen or committed proposals whose amount on a constrained measure is not known.
    public let notKnown: [(proposal: String, measure: String, text: String)]

    public init(problem: ProgrammeProblem, matrix: DecisionMatrix, importance: [String]?, weightsName: String,
                samples: Int = 10_000, seed: UInt64 = 1) throws {
        self.problem = problem
        self.weightsName = weightsName
        scores = matrix.scores
        best = try ProgrammeOptimiser.solve(problem, reading: .cautious, runnersUp: 3)
        var uncertain = false
        var notKnown: [(String, String, String)] = []
        let constrained = Set(problem.budgets.map(\.measure) + problem.targets.map(\.measure))
        for proposal in problem.proposals {
            for measure in problem.measures.map(\.id) where constrained.contains(measure) {
                for figure in proposal.figures(measure: measure, year: nil) {
                    switch figure {
                    case .exact: break
                    case .range: uncertain = true
                    case .unknown(let text):
                        uncertain = true
                        if !notKnown.contains(where: { $0 == (proposal.id, measure, text) }) { notKnown.append((proposal.id, measure, text)) }
                    }
                }
            }
        }
        self.notKnown = notKnown
        hopeful = uncertain ? try ProgrammeOptimiser.solve(problem, reading: .hopeful, runnersUp: 0) : nil
        if best.choices.isEmpty && !problem.targets.isEmpty {
            var relaxed = problem
            relaxed.targets = []
            withoutTargets = try ProgrammeOptimiser.solve(relaxed, reading: .cautious, runnersUp: 3)
        } else {
            withoutTargets = nil
        }
        if let first = problem.budgets.first, first.year == nil || problem.budgets.count == 1 {
            frontier = try BudgetFrontier.compute(problem, measure: first.measure)
            greedyAtBudget = try BudgetFrontier.greedy(problem, budget: first)
        } else {
            frontier = nil
            greedyAtBudget = nil
        }
        // When the targets cannot be met, how sure the choice is means the programme the
        // report recommends instead: the best within the budgets alone.
        var analysed = problem
        if withoutTargets != nil { analysed.targets = [] }
        robustness = try ProgrammeRobustness.analyse(analysed, matrix: matrix, importance: importance, samples: samples, seed: seed)
    }

    /// The programme the report recommends: the best meeting every constraint, else the best
    /// within the budgets alone.
    public var recommended: ProgrammeChoice? { recommendedSolution.best }

    /// The solution the recommendation and its runners-up come from.
    public var recommendedSolution: ProgrammeSolution { best.best == nil ? withoutTargets ?? best : best }
}

extension BudgetFrontier {
    /// The proposals funding by benefit per unit of `budget`'s measure chooses within it.
    public static func greedy(_ problem: ProgrammeProblem, budget: ProgrammeBudget, reading: ProgrammeReading = .cautious) throws -> [String] {
        var relaxed = problem
        relaxed.targets = []
        relaxed.budgets = [budget] + problem.budgets.filter { $0 != budget }
        let builder = try IntegerProgrammeBuilder(problem: relaxed, reading: reading)
        return GreedyFunding(programme: builder.programme).fund(cap: builder.programme.budgetCaps[0]).map { problem.proposals[$0].id }
    }
}

extension ProgrammeReport {
    /// The programme report of an appraisal whose options are proposals, under a weighting;
    /// nil when they are rivals (or a cell is not scored).
    public init?(appraisal: Appraisal, matrix: DecisionMatrix, selection: WeightSelection, samples: Int = 10_000, seed: UInt64 = 1) throws {
        guard appraisal.isProgramme, let problem = ProgrammeProblem(appraisal: appraisal, weights: selection.weights) else { return nil }
        try self.init(problem: problem, matrix: matrix, importance: appraisal.importance, weightsName: selection.name,
                      samples: samples, seed: seed)
    }
}
