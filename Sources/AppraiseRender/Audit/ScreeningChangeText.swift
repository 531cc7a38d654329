import AppraiseKit

/// A change to the long list's screening in words: which critical success factor was added,
/// renamed or removed, and which option's result changed from what to what, rather than the
/// whole `screening` object before and after.
enum ScreeningChangeText {
    static func lines(old: JSONValue?, new: JSONValue?) -> [String] {
        var lines: [String] = []
        let before = members(old), after = members(new)
        if before["source"] != after["source"] {
            lines.append(after["source"].map { "screening source set to \(text($0))" } ?? "screening source removed")
        }
        let oldCriteria = keyed(before["criteria"]) { $0.member("id") }, newCriteria = keyed(after["criteria"]) { $0.member("id") }
        for (key, criterion) in newCriteria where oldCriteria.first(where: { $0.key == key })?.value != criterion {
            let was = oldCriteria.first { $0.key == key }?.value
            lines.append("critical success factor \(text(key)) \(was == nil ? "added" : "changed"): \(text(criterion.member("name") ?? .null))")
        }
        for (key, _) in oldCriteria where !newCriteria.contains(where: { $0.key == key }) {
            lines.append("critical success factor \(text(key)) removed")
        }
        let resultKey = { (result: JSONValue) -> JSONValue? in
            guard let option = result.member("option"), let criterion = result.member("criterion") else { return nil }
            return .array([option, criterion])
        }
        let oldResults = keyed(before["results"], resultKey), newResults = keyed(after["results"], resultKey)
        for (key, result) in newResults {
            let was = oldResults.first { $0.key == key }?.value
            guard was != result else { continue }
            let outcome = text(result.member("result") ?? .null)
            let headline = was.map { "\(label(key)): \(text($0.member("result") ?? .null)) → \(outcome)" } ?? "\(label(key)) \(outcome)"
            let why = result.member("reason").map { " (\(text($0)))" } ?? ""
            lines.append(headline + why)
        }
        for (key, _) in oldResults where !newResults.contains(where: { $0.key == key }) {
            lines.append("\(label(key)) removed")
        }
        return lines.isEmpty ? ["screening changed"] : lines
    }

    private static func members(_ value: JSONValue?) -> [String: JSONValue] {
        guard case .object(let members)? = value else { return [:] }
        return members
    }

    private static func keyed(_ list: JSONValue?, _ key: (JSONValue) -> JSONValue?) -> [(key: JSONValue, value: JSONValue)] {
        guard case .array(let elements)? = list else { return [] }
        return elements.compactMap { element in key(element).map { ($0, element) } }
    }

    private static func label(_ key: JSONValue) -> String {
        guard case .array(let parts) = key, parts.count == 2 else { return "screening of \(text(key))" }
        return "screening of \(text(parts[0])) on \(text(parts[1]))"
    }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.canonicalText
    }
}
