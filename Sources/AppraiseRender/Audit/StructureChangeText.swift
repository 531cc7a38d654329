import AppraiseKit

/// Changes to the scale, the order of importance and the declarations in words, value by
/// value, rather than as the JSON they are stored in: "anchor 3 set to "Meets most"".
enum StructureChangeText {
    /// Nil for a field that reads well enough as its value.
    static func lines(name: String, old: JSONValue?, new: JSONValue?) -> [String]? {
        switch name {
        case "scale":
            let before = members(old), after = members(new)
            var lines: [String] = []
            for key in ["min", "max", "step"] where before[key] != after[key] {
                lines.append("scale \(key): \(before[key].map(ChangeText.show) ?? "none") → \(after[key].map(ChangeText.show) ?? "none")")
            }
            let was = anchors(before["anchors"]), now = anchors(after["anchors"])
            for value in Set(was.keys).union(now.keys).sorted(by: { (Rational(decimal: $0) ?? .zero) < (Rational(decimal: $1) ?? .zero) }) {
                switch (was[value], now[value]) {
                case (nil, let meaning?): lines.append("scale anchor \(value) set to \(ChangeText.show(.string(meaning)))")
                case (let meaning?, nil): lines.append("scale anchor \(value) removed (was \(ChangeText.show(.string(meaning))))")
                case (let a?, let b?) where a != b: lines.append("scale anchor \(value): \(ChangeText.show(.string(a))) → \(ChangeText.show(.string(b)))")
                default: break
                }
            }
            return lines
        case "panel":
            let rule = { (value: JSONValue?) -> String in
                let rule = members(value)
                guard !rule.isEmpty else { return "none" }
                return ["consensus", "rounding"].compactMap { rule[$0].flatMap(stringValue) }.joined(separator: ", ")
            }
            return ["panel rule: \(rule(old)) → \(rule(new))"]
        case "kpiDatasets":
            let text = { (value: JSONValue?) in value?.arrayOfStrings.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "none" }
            return ["KPI datasets: \(text(old)) → \(text(new))"]
        case "importance":
            let text = { (value: JSONValue?) in value?.arrayOfStrings?.joined(separator: ", ") ?? "none" }
            return ["order of importance: \(text(old)) → \(text(new))"]
        case "declared":
            let was = declarations(old), now = declarations(new)
            var lines: [String] = []
            for source in Set(was.keys).union(now.keys).sorted() {
                let before = was[source] ?? [:], after = now[source] ?? [:]
                let name = ChangeText.show(.string(source))
                guard now[source] != nil else {
                    lines.append("declaration \(name) removed")
                    continue
                }
                guard was[source] != nil else {
                    let totals = after.keys.filter { $0.hasPrefix("total") }.count, ranks = after.count - totals
                    lines.append("declaration \(name) added: \(totals) total\(totals == 1 ? "" : "s"), \(ranks) rank\(ranks == 1 ? "" : "s")")
                    continue
                }
                lines.append("declaration \(name) changed")
                for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] {
                    lines.append("\(key): \(before[key] ?? "none") → \(after[key] ?? "none")")
                }
            }
            return lines
        default:
            return nil
        }
    }

    private static func stringValue(_ value: JSONValue) -> String? {
        guard case .string(let text) = value else { return nil }
        return text
    }

    private static func members(_ value: JSONValue?) -> [String: JSONValue] {
        guard case .object(let members)? = value else { return [:] }
        return members
    }

    /// Anchor value (as written) to meaning.
    private static func anchors(_ value: JSONValue?) -> [String: String] {
        guard case .array(let elements)? = value else { return [:] }
        var result: [String: String] = [:]
        for element in elements {
            let anchor = members(element)
            if let value = anchor["value"], case .string(let meaning)? = anchor["meaning"] { result[value.canonicalText] = meaning }
        }
        return result
    }

    /// Declaration source to "total of OPTION" / "rank of OPTION" to value.
    private static func declarations(_ value: JSONValue?) -> [String: [String: String]] {
        guard case .array(let elements)? = value else { return [:] }
        var result: [String: [String: String]] = [:]
        for element in elements {
            let declaration = members(element)
            guard case .string(let source)? = declaration["source"] else { continue }
            var values: [String: String] = [:]
            for field in ["totals", "ranks"] {
                for (option, number) in members(declaration[field]) {
                    values["\(field == "totals" ? "total" : "rank") of \(option)"] = number.canonicalText
                }
            }
            result[source] = values
        }
        return result
    }
}
