/// Exact fractions beside every decimal: the README's promise for the JSON that commands print
/// and the pack's `report.json`, kept in one place rather than at every number.
extension JSONValue {
    /// The document with, for every member `key` that holds a `fraction` (or holds only
    /// numbers, at least one a `fraction`, in arrays and objects), a member `keyExact` of the
    /// same shape giving each number as a fraction string ("8/15", "3"; null where the decimal
    /// is null). A member the document already gives its `…Exact` keeps it; objects holding
    /// text as well as numbers get their siblings inside them, member by member.
    public var withExactSiblings: JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map(\.withExactSiblings))
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                let sibling = key + "Exact"
                if member.isNumbersOnly && member.holdsFraction {
                    result[key] = member
                    if members[sibling] == nil { result[sibling] = member.fractions }
                } else {
                    result[key] = member.withExactSiblings
                }
            }
            return .object(result)
        default:
            return self
        }
    }

    /// Whether every leaf is a number or null.
    private var isNumbersOnly: Bool {
        switch self {
        case .number, .fraction, .null: true
        case .array(let elements): elements.allSatisfy(\.isNumbersOnly)
        case .object(let members): members.values.allSatisfy(\.isNumbersOnly)
        case .bool, .string: false
        }
    }

    private var holdsFraction: Bool {
        switch self {
        case .fraction: true
        case .array(let elements): elements.contains(where: \.holdsFraction)
        case .object(let members): members.values.contains(where: \.holdsFraction)
        default: false
        }
    }

    /// The same shape with each number as its fraction string.
    private var fractions: JSONValue {
        switch self {
        case .fraction(let value, _): .string(value.description)
        case .number(let text): .string(Rational(decimal: text)?.description ?? text)
        case .array(let elements): .array(elements.map(\.fractions))
        case .object(let members): .object(members.mapValues(\.fractions))
        default: .null
        }
    }
}
