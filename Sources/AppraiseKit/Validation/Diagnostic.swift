/// One problem found in an input file: what is wrong, where, and how to fix it.
///
/// Every check in the tool reports through this one type so that `validate` can list all
/// problems at once, in file order, in text or JSON.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// The file cannot be used until this is fixed.
        case error
        /// The file can be used, but a reader should know (e.g. a published total that is not
        /// the sum of its scores).
        case warning
    }

    /// Stable kebab-case code for scripts and tests, e.g. `unknown-field`.
    public let code: String
    public let severity: Severity
    /// One sentence saying what is wrong and how to fix it.
    public let message: String
    /// Path into the file, e.g. `scores[12].value`; empty for the whole file.
    public let location: String
    /// Line and column of `location` in the file, when known.
    public let position: SourcePosition?

    public init(code: String, severity: Severity = .error, message: String, location: String, position: SourcePosition? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.position = position
    }

    /// `file:line:column: error: message (at location)`, the form editors and CI logs link.
    public func formatted(file: String) -> String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        let at = location.isEmpty ? "" : " [\(location)]"
        return "\(place): \(severity.rawValue): \(message)\(at)"
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Diagnostics in file order (those without a position last, in the order found).
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.position, rhs.element.position) {
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            case (nil, nil): return lhs.offset < rhs.offset
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }.map(\.element)
    }
}
