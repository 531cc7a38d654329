import Foundation

/// Which way an indicator moved between two periods.
///
/// Rated indicators (High, Low, Within limits (low)) move in performance: improving,
/// declining, no change. Info and Within Limits indicators move in numbers: up, down, same —
/// the scorecards' keys give one arrow both meanings ("↑ improvement in performance / increase
/// in numbers", seed 001:5158), so the polarity decides which is meant.
public enum DirectionOfTravel: String, Sendable, Hashable {
    case improving
    case declining
    case noChange = "no change"
    case up
    case down
    case same

    /// The direction from `previous` to `current` under a polarity.
    public init(from previous: Double, to current: Double, polarity: Polarity) {
        if current == previous {
            self = polarity.ratesPerformance ? .noChange : .same
        } else if let higherIsBetter = polarity.higherIsBetter {
            self = (current > previous) == higherIsBetter ? .improving : .declining
        } else {
            self = current > previous ? .up : .down
        }
    }

    /// The arrow the scorecards print for this direction.
    public var arrow: String {
        switch self {
        case .improving, .up: "↑"
        case .declining, .down: "↓"
        case .noChange, .same: "→"
        }
    }

    /// Whether a printed arrow says the same.
    func agrees(with declared: DeclaredDirection) -> Bool {
        switch (self, declared.movement) {
        case (.improving, .rising), (.up, .rising): true
        case (.declining, .falling), (.down, .falling): true
        case (.noChange, .level), (.same, .level): true
        default: false
        }
    }
}

/// A direction-of-travel cell as printed, kept verbatim beside the computed direction.
///
/// Glyphs: ↑ ⬆ rising; ↓ ⬇ falling, with `Ψ` (decline, not on target) and `J` / `↔` (decline
/// within limits of target) from the Early Help keys (seed 000:17, 001:4169–4189); → ➡ and `•`
/// level; `new` for a row with no earlier value (002:101).
public struct DeclaredDirection: Sendable, Hashable {
    public enum Movement: String, Sendable, Hashable {
        case rising, falling, level, new
    }

    /// Target status a multi-state key's glyph also carries (seed 000:17).
    public enum TargetStatus: String, Sendable, Hashable {
        case withinLimits = "within limits of target"
        case notOnTarget = "not on target"
    }

    public let text: String
    public let movement: Movement
    /// `Ψ` decline not on target; `J` / `↔` decline within limits; `•` no movement within
    /// limits; nil for plain arrows. Checked only when the dataset declares multi-state arrows.
    public let targetStatus: TargetStatus?

    /// Reads a printed cell; nil for anything outside the vocabulary above.
    public init?(printed cell: String) {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        targetStatus = switch text.lowercased() {
        case "ψ": .notOnTarget
        case "j", "↔", "•": .withinLimits
        default: nil
        }
        switch text.lowercased() {
        case "↑", "⬆": movement = .rising
        case "↓", "⬇", "ψ", "j", "↔": movement = .falling
        case "→", "➡", "•": movement = .level
        case "new": movement = .new
        default: return nil
        }
        self.text = text
    }

    static let vocabulary = "↑ ↓ → (or ⬆ ⬇ ➡), Ψ or J or ↔ for a decline, • for no movement, or new"
}
