import Foundation

/// A JSON document to be written. Keys are written sorted and numbers are written from
/// text chosen by the caller, so the same value always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The exact text of a number, e.g. from `Rational.decimalText()`.
    case number(String)
    /// A number known exactly that is not a whole number, written as its decimal (shortest
    /// exact form, else rounded to `places`); `withExactSiblings` writes its fraction beside it.
    case fraction(Rational, places: Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A whole number as its digits; any other value as a `fraction`, so every output that
    /// promises exact numbers can give its fraction beside the decimal.
    public static func number(_ value: Rational, maximumPlaces: Int = 6) -> JSONValue {
        value.isInteger ? .number(value.description) : .fraction(value, places: maximumPlaces)
    }

    /// Values are equal when they write the same JSON: a `fraction` is the number it writes.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs.plain, rhs.plain) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)), (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    /// A `fraction` as the plain number it writes; every other value as it is.
    private var plain: JSONValue {
        guard case .fraction(let value, let places) = self else { return self }
        return .number(value.decimalText(maximumPlaces: places))
    }

    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A number's exact value as a fraction string, "8/15" (or "3" for a whole number), written
    /// beside its decimal so a script can tell a tie from a near-tie.
    public static func exact(_ value: Rational) -> JSONValue { .string(value.description) }

    /// A Double written with fixed decimals, so platform float printing never leaks into output.
    public static func number(_ value: Double, places: Int) -> JSONValue {
        guard value.isFinite else { return .null }
        return .number(fixedDecimal(value, places: places))
    }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value as it was read, for canonical forms and round trips. Numbers are normalised
    /// (1.50 and 1.5 are the same number) and, for a duplicated key, the last one stands.
    public init(_ node: JSONNode) {
        switch node.kind {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let literal): self = .number(Rational(decimal: literal)?.decimalText(maximumPlaces: Rational.maximumDigits) ?? literal)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for member in members { object[member.key] = JSONValue(member.value) }
            self = .object(object)
        }
    }

    /// Compact, sorted-key text: the form that is hashed for fingerprints.
    public var canonicalText: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indented, sorted-key text ending in a newline: the form written to files.
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        out += "\n"
        return out
    }

    /// The pretty text of a value nested `level` deep, without a final newline: a document too
    /// large to hold as one tree is written a member at a time from these.
    public func prettyText(level: Int) -> String {
        var out = ""
        write(to: &out, indent: "  ", level: level)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .fraction(let value, let places): out += value.decimalText(maximumPlaces: places)
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                element.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &out)
                out += indent == nil ? ":" : ": "
                members[key]!.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: String?, level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                // Escaped so the same JSON can sit inside an HTML <script> block unaltered.
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// Writes a Double with exactly `places` decimals, rounding half away from zero, without
/// going through platform-dependent formatting.
public func fixedDecimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && scaled != 0
    // A whole Double below 2^64 is exactly that integer, so its digits are the integer's: the
    // same text as "%.0f" at a fraction of the cost (charts write hundreds of thousands).
    let digits = scaled < 18_446_744_073_709_551_616.0 ? String(UInt64(scaled)) : String(format: "%.0f", scaled)
    guard places > 0 else { return (negative ? "-" : "") + digits }
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -places)
    return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
}
