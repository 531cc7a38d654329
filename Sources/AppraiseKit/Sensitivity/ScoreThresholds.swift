/// One score changed by whole steps of the scale, staying within its bounds.
public struct ScoreChange: Sendable, Equatable {
    public let option: String
    public let criterion: String
    public let from: Rational
    public let to: Rational
    /// Number of scale steps moved.
    public let steps: Int
    /// Options ahead after the change: the new leaders for first place, the option in front
    /// for a pair. Two or more means they are level.
    public let aheadAfter: [String]

    /// Score points moved.
    public var points: Rational { to > from ? to - from : from - to }
}

/// The smallest single score change that brings two neighbours in the ranking level or
/// reverses them.
public struct PairScoreThreshold: Sendable, Equatable {
    /// The option ranked above now.
    public let higher: String
    public let lower: String
    /// Difference of their totals, in the ranking's points.
    public let gap: Rational
    /// Steps of the smallest change; nil when they are level now or no single change can.
    public let minimumSteps: Int?
    /// Every single change of `minimumSteps` steps that does it.
    public let changes: [ScoreChange]
}

/// One score moved as part of a combined change.
public struct ScoreMove: Sendable, Equatable {
    public let option: String
    public let criterion: String
    public let from: Rational
    public let to: Rational
}

/// The fewest score points that, moved together, bring another option level with (or past)
/// the leader.
public struct PointsToTie: Sendable, Equatable {
    /// The option brought level; nil when first place is already shared.
    public let challenger: String?
    /// Total score points moved (sum of the absolute changes).
    public let points: Rational
    /// The moves, raising the challenger first, then lowering the leader.
    public let moves: [ScoreMove]
    /// Options ahead after the moves: the leader and the challenger when they are level, the
    /// challenger alone when the last step takes it past.
    public let aheadAfter: [String]
}

/// How far the scores would have to move, on the real scale, to change the ranking.
///
/// Scores move in whole steps of the scale and never past its minimum or maximum. Changing
/// one score moves one option's total by weight × change, so every threshold is an exact
/// division rounded up to whole steps.
public struct ScoreThresholds: Sendable, Equatable {
    /// Options first now.
    public let leaders: [String]
    /// For every cell whose score alone can change first place, the smallest such change:
    /// fewest steps first, then by the option's rank and the criterion's order. Empty when
    /// no single score change can.
    public let firstPlace: [ScoreChange]
    /// The most one score can move: the width of the scale.
    public let largestSingleChange: Rational
    /// Each pair of neighbours in the ranking, top to bottom.
    public let adjacentPairs: [PairScoreThreshold]
    /// The fewest points that, moved together, tie first place; zero when it is shared now,
    /// nil when there is only one option or no moves within the scale can.
    public let pointsToTieFirst: PointsToTie?

    /// Steps of the smallest single change that alters first place, if any.
    public var minimumStepsForFirst: Int? { firstPlace.first?.steps }

    public init(matrix: DecisionMatrix, weights: Weights) {
        self.init(matrix: matrix, weights: weights.normalised, means: weightedMeans(matrix, weights.normalised))
    }

    init(matrix: DecisionMatrix, weights: [Rational], means: [Rational]) {
        let context = Context(matrix: matrix, weights: weights, means: means)
        leaders = context.leaders.map { matrix.optionIDs[$0] }
        largestSingleChange = matrix.scale.maximum - matrix.scale.minimum
        firstPlace = context.firstPlaceChanges()
        adjacentPairs = context.adjacentPairs()
        pointsToTieFirst = context.pointsToTie()
    }

    private struct Context {
        let matrix: DecisionMatrix
        let weights: [Rational]
        let means: [Rational]
        let leaders: [Int]
        let order: [Int]
        let rankPosition: [Int]
        let step: Rational
        /// weight × step: how far one step on each criterion moves a weighted mean.
        let stepValue: [Rational]
        let inverseStepValue: [Rational?]

        init(matrix: DecisionMatrix, weights: [Rational], means: [Rational]) {
            self.matrix = matrix
            self.weights = weights
            self.means = means
            leaders = indicesOfMaximum(means)
            let ranks = competitionRanks(means)
            order = means.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
            var position = Array(repeating: 0, count: means.count)
            for (place, option) in order.enumerated() { position[option] = place }
            rankPosition = position
            step = matrix.scale.step
            stepValue = weights.map { $0 * matrix.scale.step }
            inverseStepValue = stepValue.map { $0.isZero ? nil : Rational.one / $0 }
        }

        func roomDown(_ option: Int, _ criterion: Int) -> Int {
            wholeSteps((matrix.scores[option][criterion] - matrix.scale.minimum) / step)
        }

        func roomUp(_ option: Int, _ criterion: Int) -> Int {
            wholeSteps((matrix.scale.maximum - matrix.scores[option][criterion]) / step)
        }

        /// Steps on `criterion` needed to close `gap` (a positive difference of weighted means).
        func stepsToClose(_ gap: Rational, on criterion: Int) -> Int? {
            guard let inverse = inverseStepValue[criterion] else { return nil }
            return roundedUp(gap * inverse)
        }

        func change(_ option: Int, _ criterion: Int, by steps: Int, ahead: [Int]) -> ScoreChange {
            let from = matrix.scores[option][criterion]
            return ScoreChange(option: matrix.optionIDs[option], criterion: matrix.criterionIDs[criterion], from: from,
                               to: from + Rational(steps) * step, steps: abs(steps),
                               aheadAfter: ahead.sorted { rankPosition[$0] < rankPosition[$1] }.map { matrix.optionIDs[$0] })
        }

        func firstPlaceChanges() -> [ScoreChange] {
            guard let top = leaders.first.map({ means[$0] }) else { return [] }
            let others = means.indices.filter { means[$0] != top }
            let runnerUpValue = others.map { means[$0] }.max()
            let runnersUp = others.filter { means[$0] == runnerUpValue }
            var changes: [(change: ScoreChange, rank: Int, criterion: Int)] = []
            for option in order {
                let leading = leaders.contains(option)
                for criterion in weights.indices where !weights[criterion].isZero {
                    if leading && leaders.count > 1 {
                        // Shared first place: one step either way changes it.
                        if roomUp(option, criterion) >= 1 {
                            changes.append((change(option, criterion, by: 1, ahead: [option]), rankPosition[option], criterion))
                        }
                        if roomDown(option, criterion) >= 1 {
                            changes.append((change(option, criterion, by: -1, ahead: leaders.filter { $0 != option }),
                                            rankPosition[option], criterion))
                        }
                    } else if leading {
                        guard let runnerUpValue, let steps = stepsToClose(top - runnerUpValue, on: criterion),
                              steps <= roomDown(option, criterion) else { continue }
                        let level = top - Rational(steps) * stepValue[criterion] == runnerUpValue
                        changes.append((change(option, criterion, by: -steps, ahead: level ? [option] + runnersUp : runnersUp),
                                        rankPosition[option], criterion))
                    } else {
                        guard let steps = stepsToClose(top - means[option], on: criterion),
                              steps <= roomUp(option, criterion) else { continue }
                        let level = means[option] + Rational(steps) * stepValue[criterion] == top
                        changes.append((change(option, criterion, by: steps, ahead: level ? leaders + [option] : [option]),
                                        rankPosition[option], criterion))
                    }
                }
            }
            return changes.sorted { ($0.change.steps, $0.rank, $0.criterion) < ($1.change.steps, $1.rank, $1.criterion) }
                .map(\.change)
        }

        func adjacentPairs() -> [PairScoreThreshold] {
            let count = Rational(matrix.criterionCount)
            return zip(order, order.dropFirst()).map { higher, lower in
                let gap = means[higher] - means[lower]
                var best: Int?
                var changes: [ScoreChange] = []
                if !gap.isZero {
                    for (option, direction) in [(higher, -1), (lower, 1)] {
                        for criterion in weights.indices {
                            guard let steps = stepsToClose(gap, on: criterion),
                                  steps <= (direction < 0 ? roomDown(option, criterion) : roomUp(option, criterion)),
                                  best.map({ steps <= $0 }) ?? true else { continue }
                            if let current = best, steps < current { changes.removeAll() }
                            best = steps
                            let level = Rational(steps) * stepValue[criterion] == gap
                            changes.append(change(option, criterion, by: direction * steps,
                                                  ahead: level ? [higher, lower] : [lower]))
                        }
                    }
                }
                return PairScoreThreshold(higher: matrix.optionIDs[higher], lower: matrix.optionIDs[lower], gap: gap * count,
                                          minimumSteps: best, changes: changes)
            }
        }

        func pointsToTie() -> PointsToTie? {
            guard let leader = leaders.first, matrix.optionCount > 1 else { return nil }
            if leaders.count > 1 { return PointsToTie(challenger: nil, points: .zero, moves: [], aheadAfter: leaders.map { matrix.optionIDs[$0] }) }
            let byWeight = weights.indices.filter { !weights[$0].isZero }
                .sorted { (weights[$0], -$0) > (weights[$1], -$1) }
            guard let heaviest = byWeight.first else { return nil }
            var best: (steps: Int, moves: [ScoreMove], challenger: Int, level: Bool)?
            for challenger in order where challenger != leader {
                var remaining = means[leader] - means[challenger]
                if let best, let bound = stepsToClose(remaining, on: heaviest), bound > best.steps { continue }
                var steps = 0
                var moves: [ScoreMove] = []
                for criterion in byWeight where remaining > .zero {
                    let needed = stepsToClose(remaining, on: criterion)!
                    let raise = min(needed, roomUp(challenger, criterion))
                    let lower = min(needed - raise, roomDown(leader, criterion))
                    for (option, moved) in [(challenger, raise), (leader, -lower)] where moved != 0 {
                        let from = matrix.scores[option][criterion]
                        moves.append(ScoreMove(option: matrix.optionIDs[option], criterion: matrix.criterionIDs[criterion],
                                               from: from, to: from + Rational(moved) * step))
                    }
                    steps += raise + lower
                    remaining -= Rational(raise + lower) * stepValue[criterion]
                }
                guard remaining <= .zero, best.map({ steps < $0.steps }) ?? true else { continue }
                best = (steps, moves, challenger, remaining.isZero)
            }
            return best.map {
                PointsToTie(challenger: matrix.optionIDs[$0.challenger], points: Rational($0.steps) * step, moves: $0.moves,
                            aheadAfter: $0.level ? [matrix.optionIDs[leader], matrix.optionIDs[$0.challenger]] : [matrix.optionIDs[$0.challenger]])
            }
        }
    }
}

/// The largest whole number not above a non-negative value.
private func wholeSteps(_ value: Rational) -> Int {
    Int(clamping: value.numerator / value.denominator)
}

/// The smallest whole number not below a positive value.
private func roundedUp(_ value: Rational) -> Int {
    Int(clamping: (value.numerator + value.denominator - 1) / value.denominator)
}
