import Foundation

/// Reads the members of one JSON object into typed values while collecting every problem
/// (wrong type, missing key, duplicated key, unknown key) instead of stopping at the first,
/// and records where each value was written so later checks can point at it.
public final class JSONObjectReader {
    public let path: String
    public let node: JSONNode
    private let members: [JSONMember]
    private var read: Set<String> = []
    private let sink: DiagnosticSink

    /// Returns nil (after reporting) when the node is not an object.
    public init?(_ node: JSONNode, path: String, sink: DiagnosticSink) {
        guard case .object(let members) = node.kind else {
            sink.report(code: "wrong-type", message: "expected an object { … } but found \(node.kindName)", location: path, position: node.position)
            return nil
        }
        self.node = node
        self.path = path
        self.members = members
        self.sink = sink
        sink.record(path, node.position)
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            sink.report(code: "duplicate-field", message: "\"\(member.key)\" appears more than once in this object; keep one",
                        location: child(member.key), position: member.keyPosition)
        }
    }

    public func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The raw node of a key, marking it as read.
    public func node(_ key: String, required: Bool) -> JSONNode? {
        read.insert(key)
        guard let member = members.last(where: { $0.key == key }) else {
            if required {
                sink.report(code: "missing-field", message: "\"\(key)\" is required here; add it", location: child(key), position: node.position)
            }
            return nil
        }
        sink.record(child(key), member.value.position)
        if case .null = member.value.kind, !required { return nil }
        return member.value
    }

    public func string(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> String? {
        guard let value = node(key, required: required) else { return nil }
        return JSONObjectReader.string(value, path: child(key), sink: sink, allowEmpty: allowEmpty)
    }

    public func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let value = node(key, required: required) else { return nil }
        guard case .array(let elements) = value.kind else {
            sink.report(code: "wrong-type", message: "expected a list of strings [\"…\"] but found \(value.kindName)", location: child(key), position: value.position)
            return nil
        }
        return elements.enumerated().compactMap { index, element in
            JSONObjectReader.string(element, path: "\(child(key))[\(index)]", sink: sink, allowEmpty: false)
        }
    }

    public func integer(_ key: String, required: Bool = true) -> Int? {
        guard let value = node(key, required: required) else { return nil }
        return JSONObjectReader.integer(value, path: child(key), sink: sink)
    }

    /// An optional `true`/`false` key; nil when absent or not a boolean (reported).
    public func bool(_ key: String) -> Bool? {
        guard let value = node(key, required: false) else { return nil }
        guard case .bool(let flag) = value.kind else {
            sink.report(code: "wrong-type", message: "expected true or false but found \(value.kindName)", location: child(key), position: value.position)
            return nil
        }
        return flag
    }

    public func rational(_ key: String, required: Bool = true, bound: Rational = NumberBounds.ordinary) -> Rational? {
        guard let value = node(key, required: required) else { return nil }
        return JSONObjectReader.rational(value, path: child(key), sink: sink, bound: bound)
    }

    /// The elements of a list-valued key with their paths (`scores[3]`).
    public func array(_ key: String, required: Bool = true) -> [(node: JSONNode, path: String)]? {
        guard let value = node(key, required: required) else { return nil }
        guard case .array(let elements) = value.kind else {
            sink.report(code: "wrong-type", message: "expected a list [ … ] but found \(value.kindName)", location: child(key), position: value.position)
            return nil
        }
        return elements.enumerated().map { ($1, "\(child(key))[\($0)]") }
    }

    /// Members of an object-valued key (a map from ids to values), in file order.
    public func map(_ key: String, required: Bool = true) -> [(key: String, node: JSONNode, path: String)]? {
        guard let value = node(key, required: required), let reader = JSONObjectReader(value, path: child(key), sink: sink) else { return nil }
        return reader.members.map { member in
            reader.read.insert(member.key)
            sink.record(reader.child(member.key), member.value.position)
            return (member.key, member.value, reader.child(member.key))
        }
    }

    /// Reports every key that was not read: a typo must never be silently ignored.
    public func rejectUnknownKeys() {
        let allowed = read.sorted()
        for member in members where !read.contains(member.key) {
            let hint = closest(to: member.key, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
            sink.report(code: "unknown-field",
                        message: "unknown field \"\(member.key)\"\(hint) Allowed here: \(allowed.joined(separator: ", "))",
                        location: child(member.key), position: member.keyPosition)
        }
    }

    public static func string(_ node: JSONNode, path: String, sink: DiagnosticSink, allowEmpty: Bool = false) -> String? {
        sink.record(path, node.position)
        guard case .string(let text) = node.kind else {
            sink.report(code: "wrong-type", message: "expected a string in double quotes but found \(node.kindName)", location: path, position: node.position)
            return nil
        }
        if !allowEmpty && isBlank(text) {
            sink.report(code: "empty-text", message: "this text is empty; write it or remove the entry", location: path, position: node.position)
            return nil
        }
        return text
    }

    public static func integer(_ node: JSONNode, path: String, sink: DiagnosticSink) -> Int? {
        guard case .number(let literal) = node.kind, let value = Rational(decimal: literal), value.isInteger,
              let integer = Int(exactly: value.numerator), abs(integer) <= 1_000_000 else {
            sink.report(code: "wrong-type", message: "expected a whole number but found \(describe(node))", location: path, position: node.position)
            return nil
        }
        return integer
    }

    /// An exact number with at most six decimal places and a magnitude of at most `bound` (one
    /// million, or a trillion for levels), the bounds inside which every total and crossover
    /// stays exact.
    public static func rational(_ node: JSONNode, path: String, sink: DiagnosticSink, bound: Rational = NumberBounds.ordinary) -> Rational? {
        guard case .number(let literal) = node.kind else {
            let hint: String
            if case .string(let text) = node.kind, ["nan", "inf", "infinity", "-inf", "-infinity"].contains(text.lowercased()) {
                hint = "\"\(text)\" is not a number; write a finite number such as 3"
            } else {
                hint = "expected a number but found \(describe(node)); write it without quotes"
            }
            sink.report(code: "not-a-number", message: hint, location: path, position: node.position)
            return nil
        }
        guard let value = Rational(decimal: literal), let places = value.terminatingDecimalPlaces, places <= 6 else {
            sink.report(code: "imprecise-number", message: "\(literal) has more than 6 decimal places; round it", location: path, position: node.position)
            return nil
        }
        guard value <= bound, value >= -bound else {
            let limit = NumberBounds.text(bound)
            sink.report(code: "out-of-range", message: "\(literal) is outside the range −\(limit) to \(limit) that the tool keeps exact; use a smaller number", location: path, position: node.position)
            return nil
        }
        return value
    }

    /// Whether a text is empty or `.whitespacesAndNewlines` only, stopping at the first other
    /// character: every string of a file is checked, and trimming copied each one.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { blank.contains($0) }
    }

    private static let blank = CharacterSet.whitespacesAndNewlines

    static func describe(_ node: JSONNode) -> String {
        switch node.kind {
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .number(let literal): literal
        default: node.kindName
        }
    }

    private func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }
}

/// Collects diagnostics and the position of every path read, for one input file.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var positions: [String: SourcePosition] = [:]

    public init() {}

    public func report(code: String, severity: Diagnostic.Severity = .error, message: String, location: String, position: SourcePosition? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, location: location,
                                      position: position ?? positions[location]))
    }

    public func record(_ path: String, _ position: SourcePosition) {
        positions[path] = position
    }
}

/// Levenshtein distance, to suggest the key a typo was meant to be.
///
/// Suggestions are for typos of short names, so the work is capped: texts longer than
/// `suggestionLength` characters, or whose lengths differ by more than that, are reported as
/// that far apart without comparing them (a 1 MB column heading costs nothing).
func editDistance(_ a: String, _ b: String) -> Int {
    let limit = suggestionLength
    guard a.utf8.count <= limit * 4, b.utf8.count <= limit * 4 else { return limit + 1 }
    let a = Array(a), b = Array(b)
    guard a.count <= limit, b.count <= limit, abs(a.count - b.count) <= limit else { return limit + 1 }
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Longest name, in characters, that "did you mean" compares.
let suggestionLength = 64
