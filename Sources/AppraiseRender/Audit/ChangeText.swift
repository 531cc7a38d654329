import AppraiseKit

/// A recorded change in words an auditor reads: which criterion, option, score or weight,
/// from what to what. The first line says what changed; the lines after it (indented by the
/// caller) give the details, such as rationale bullets added or removed.
public enum ChangeText {
    public static func lines(_ change: JournalChange) -> [String] {
        switch change {
        case .field("screening", let old, let new):
            return ScreeningChangeText.lines(old: old, new: new)
        case .field(let name, let old, let new):
            // A keyed list appearing or disappearing is implied by its elements' lines.
            if JournalChange.keyedLists.contains(name), (old ?? .array([])) == .array([]), (new ?? .array([])) == .array([]) {
                return []
            }
            if let readable = StructureChangeText.lines(name: name, old: old, new: new) { return readable }
            switch (old, new) {
            case (nil, let new?): return ["\(name) set to \(show(new))"]
            case (let old?, nil): return ["\(name) removed (was \(show(old)))"]
            default: return ["\(name): \(show(old ?? .null)) → \(show(new ?? .null))"]
            }
        case .element(let list, let old, let new):
            return element(list: list, old: old, new: new)
        case .order(let list, let keys):
            return ["\(list) put in a new order: " + keys.map { key(list: list, $0) }.joined(separator: ", ")]
        }
    }

    private static func element(list: String, old: JSONValue?, new: JSONValue?) -> [String] {
        let label = self.label(list: list, old ?? new ?? .null)
        let value = { (element: JSONValue?) in element?.member("value").map(show) }
        switch (old, new) {
        case (nil, let new?):
            let headline = list == "scores" || (list == "amounts" && value(new) != nil) ? "\(label) set to \(value(new) ?? "?")" : "\(label) added"
            return [headline] + details(list: list, old: nil, new: new)
        case (let old?, nil):
            return ["\(label) removed" + (value(old).map { " (was \($0))" } ?? "")]
        case (let old?, let new?):
            let before = value(old), after = value(new)
            let headline = before != after ? "\(label): \(before ?? "?") → \(after ?? "?")" : "\(label) changed"
            return [headline] + details(list: list, old: old, new: new)
        case (nil, nil):
            return []
        }
    }

    /// The member-by-member differences of an element, the key members and a score's value
    /// (already in the headline) left out.
    private static func details(list: String, old: JSONValue?, new: JSONValue) -> [String] {
        let skipped: Set<String> = switch list {
        case "scores": ["option", "criterion", "scorer", "value"]
        case "amounts": ["option", "measure", "year", "value"]
        default: ["id"]
        }
        let before = old.flatMap(members) ?? [:], after = members(new) ?? [:]
        var lines: [String] = []
        for name in Set(before.keys).union(after.keys).subtracting(skipped).sorted(by: memberOrder) {
            let was = before[name], now = after[name]
            guard was != now else { continue }
            if let items = listItems(was, now) {
                lines += items.removed.map { "\(name) − \($0)" } + items.added.map { "\(name) + \($0)" }
            } else if name == "weights", let now = now.flatMap(members) {
                let was = was.flatMap(members) ?? [:]
                for criterion in Set(was.keys).union(now.keys).sorted() where was[criterion] != now[criterion] {
                    lines.append("weight \(criterion): \(was[criterion].map(show) ?? "none") → \(now[criterion].map(show) ?? "none")")
                }
            } else if let was {
                lines.append("\(name): \(show(was)) → \(now.map(show) ?? "none")")
            } else if let now {
                lines.append("\(name): \(show(now))")
            }
        }
        return lines
    }

    /// Items of two lists of texts or rationale bullets: those only in the old list and those
    /// only in the new, each in its list's order. Nil when either is not such a list.
    private static func listItems(_ old: JSONValue?, _ new: JSONValue?) -> (removed: [String], added: [String])? {
        guard let before = items(old ?? .array([])), let after = items(new ?? .array([])) else { return nil }
        var remaining = after
        var removed: [String] = []
        for item in before {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { removed.append(item) }
        }
        var leftover = before
        var added: [String] = []
        for item in after {
            if let index = leftover.firstIndex(of: item) { leftover.remove(at: index) } else { added.append(item) }
        }
        return (removed, added)
    }

    private static func items(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        var items: [String] = []
        for element in elements {
            switch element {
            case .string(let text):
                items.append(show(.string(text)))
            case .object(let bullet) where Set(bullet.keys) == ["kind", "text"]:
                guard case .string(let kind)? = bullet["kind"], case .string(let text)? = bullet["text"] else { return nil }
                items.append("[\(kind)] \(text)")
            default:
                return nil
            }
        }
        return items
    }

    /// "criterion risk", "score cic × risk by Ann Lee", "weight set children-first".
    private static func label(list: String, _ element: JSONValue) -> String {
        let noun = switch list {
        case "criteria": "criterion"
        case "groups": "group"
        case "options": "option"
        case "weightSets": "weight set"
        case "nodes": "branch"
        case "measures": "measure"
        case "amounts": "amount"
        default: "score"
        }
        return "\(noun) " + (JournalChange.key(of: element, in: list).map { key(list: list, $0) } ?? "?")
    }

    private static func key(list: String, _ key: JSONValue) -> String {
        if list == "amounts", case .array(let parts) = key, parts.count >= 2 {
            let text = parts.map { part -> String in if case .string(let text) = part { return text } else { return part.canonicalText } }
            return "\(text[0]) × \(text[1])" + (text.count > 2 ? " in year \(text[2])" : "")
        }
        if let parts = key.arrayOfStrings, parts.count >= 2 {
            return "\(parts[0]) × \(parts[1])" + (parts.count > 2 ? " by \(parts[2])" : "")
        }
        if case .string(let id) = key { return id }
        return key.canonicalText
    }

    private static func members(_ value: JSONValue) -> [String: JSONValue]? {
        guard case .object(let members) = value else { return nil }
        return members
    }

    /// Members in the order the format lists them, so details read like the file.
    private static func memberOrder(_ lhs: String, _ rhs: String) -> Bool {
        let order = ["name", "shortName", "group", "description", "offers", "weight", "detail", "strengths", "weaknesses",
                     "rationale", "source", "weights", "evidence"]
        let left = order.firstIndex(of: lhs) ?? order.count, right = order.firstIndex(of: rhs) ?? order.count
        return left != right ? left < right : lhs < rhs
    }

    /// A value as it reads in the file: text in quotes (line breaks shown as \n, so a change
    /// stays on its line), numbers as written, anything else as compact JSON.
    static func show(_ value: JSONValue) -> String {
        guard case .string(let text) = value else { return value.canonicalText }
        return "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

extension ChangeText {
    /// A change of many parts in a few lines: each list's elements counted as added, changed
    /// and removed, each other field in words, so adopting a hand-built file reads at a glance.
    public static func summary(_ changes: [JournalChange]) -> [String] {
        var counts: [String: [String: Int]] = [:]
        var lists: [String] = []
        var lines: [String] = []
        for change in changes {
            switch change {
            case .element(let list, let old, let new):
                let kind = switch (old, new) {
                case (nil, _): list == "scores" ? "set" : "added"
                case (_, nil): "removed"
                default: "changed"
                }
                if counts[list] == nil { lists.append(list) }
                counts[list, default: [:]][kind, default: 0] += 1
            case .order(let list, _):
                lines.append("\(list) put in a new order")
            case .field:
                let text = self.lines(change)
                lines += text.count > 12 ? ["\(text.count) changes to \(text.first ?? "a field")…"] : text
            }
        }
        let listLines = lists.map { list in
            let parts = ["added", "set", "changed", "removed"].compactMap { kind in counts[list]?[kind].map { "\($0) \(kind)" } }
            return "\(list): \(parts.joined(separator: ", "))"
        }
        return listLines + lines
    }
}
