/// One change to an appraisal file as the journal records it: on the file's JSON content
/// (what the fingerprint covers), keyed by ids rather than positions, and carrying both the
/// old and the new value, so that the journal alone can replay the file from nothing and an
/// auditor can read who changed which score from what to what.
///
/// Lists whose elements have ids (criteria, groups, options, weight sets, and scores keyed
/// by option, criterion and scorer) change element by element; every other top-level key
/// changes as a whole.
public enum JournalChange: Sendable, Equatable {
    /// A top-level key set, replaced or removed; nil stands for "the key is absent".
    case field(name: String, old: JSONValue?, new: JSONValue?)
    /// An element of a keyed list added (old nil, appended), replaced, or removed (new nil).
    case element(list: String, old: JSONValue?, new: JSONValue?)
    /// A keyed list put in a new order, given as every element's key.
    case order(list: String, keys: [JSONValue])

    /// The lists changed element by element.
    public static let keyedLists = ["nodes", "criteria", "groups", "options", "scores", "weightSets", "measures", "amounts"]

    /// Top-level keys in the order the format describes them, so changes read in that order.
    static let fieldOrder = ["format", "id", "title", "body", "date", "source", "scale", "panel", "nodes", "criteria", "groups",
                             "options", "scores", "weightSets", "importance", "declared", "kpiDatasets",
                             "costing", "measures", "amounts"]

    /// The key that identifies an element of a keyed list: its id, or for a score the list
    /// `[option, criterion]` or `[option, criterion, scorer]`. Nil when the element has none.
    public static func key(of element: JSONValue, in list: String) -> JSONValue? {
        guard case .object(let members) = element else { return nil }
        if list == "amounts" {
            // An amount is one option's figure of one measure in one year.
            guard case .string? = members["option"], case .string? = members["measure"] else { return nil }
            return .array([members["option"]!, members["measure"]!] + (members["year"].map { [$0] } ?? []))
        }
        guard list == "scores" else {
            guard case .string? = members["id"] else { return nil }
            return members["id"]
        }
        guard case .string? = members["option"], case .string? = members["criterion"] else { return nil }
        var key = [members["option"]!, members["criterion"]!]
        if let scorer = members["scorer"] {
            guard case .string = scorer else { return nil }
            key.append(scorer)
        }
        return .array(key)
    }

    // MARK: - Computing changes

    /// The changes that turn one file's content into another's; empty when the two have the
    /// same fingerprint. Both are the top-level members of an appraisal document.
    public static func changes(from old: [String: JSONValue], to new: [String: JSONValue]) -> [JournalChange] {
        let extra = Set(old.keys).union(new.keys).subtracting(fieldOrder).sorted()
        var changes: [JournalChange] = []
        for name in fieldOrder + extra {
            let before = old[name], after = new[name]
            guard before != after else { continue }
            if keyedLists.contains(name), let listChanges = elementChanges(list: name, from: before ?? .array([]), to: after ?? .array([])) {
                if before == nil { changes.append(.field(name: name, old: nil, new: .array([]))) }
                changes += listChanges
                if after == nil { changes.append(.field(name: name, old: .array([]), new: nil)) }
            } else {
                changes.append(.field(name: name, old: before, new: after))
            }
        }
        return changes
    }

    /// Element changes of one keyed list, or nil when either side is not a list of elements
    /// with distinct keys (then the list changes as a whole).
    private static func elementChanges(list: String, from old: JSONValue, to new: JSONValue) -> [JournalChange]? {
        guard let before = keyed(old, list: list), let after = keyed(new, list: list) else { return nil }
        let oldKeys = Set(before.map(\.key.canonicalText))
        let newByKey = Dictionary(uniqueKeysWithValues: after.map { ($0.key.canonicalText, $0.value) })
        var changes: [JournalChange] = []
        var order: [JSONValue] = []
        for element in before {
            if let replacement = newByKey[element.key.canonicalText] {
                order.append(element.key)
                if replacement != element.value { changes.append(.element(list: list, old: element.value, new: replacement)) }
            } else {
                changes.append(.element(list: list, old: element.value, new: nil))
            }
        }
        for element in after where !oldKeys.contains(element.key.canonicalText) {
            order.append(element.key)
            changes.append(.element(list: list, old: nil, new: element.value))
        }
        let wanted = after.map(\.key)
        if order != wanted {
            changes.append(.order(list: list, keys: wanted))
        }
        return changes
    }

    /// The elements of a list with their keys, or nil when one has no key or two share one.
    private static func keyed(_ value: JSONValue, list: String) -> [(key: JSONValue, value: JSONValue)]? {
        guard case .array(let elements) = value else { return nil }
        var seen: Set<String> = []
        var result: [(key: JSONValue, value: JSONValue)] = []
        for element in elements {
            guard let key = key(of: element, in: list), seen.insert(key.canonicalText).inserted else { return nil }
            result.append((key, element))
        }
        return result
    }

    // MARK: - Replaying changes

    /// Why a recorded change cannot be replayed on the content it claims to change.
    public struct Mismatch: Error, Sendable, Equatable {
        public let message: String
    }

    /// A change of a list of changes that cannot be replayed: its place (from 0) and why.
    public struct ReplayFailure: Error, Sendable, Equatable {
        public let index: Int
        public let mismatch: Mismatch
    }

    /// Applies an entry's changes in order, as `apply(to:)` does one by one, in time linear in
    /// the lists' length: a list changed element by element is held open with an index of its
    /// keys, so an entry adding 300,000 scores (an import) replays in seconds, not hours.
    public static func replay(_ changes: [JournalChange], on document: inout [String: JSONValue]) throws(ReplayFailure) {
        var open: [String: OpenList] = [:]
        func close(_ list: String) {
            if let held = open.removeValue(forKey: list) { document[list] = .array(held.elements) }
        }
        for (index, change) in changes.enumerated() {
            do throws(Mismatch) {
                switch change {
                case .element(let list, let old, let new):
                    if open[list] == nil {
                        guard case .array(let elements)? = document[list] else {
                            throw Mismatch(message: "it changes an element of \"\(list)\", but the replayed file has no list \"\(list)\"")
                        }
                        open[list] = OpenList(list: list, elements: elements)
                    }
                    try open[list]!.apply(old: old, new: new)
                case .field(let name, _, _), .order(let name, _):
                    close(name)
                    try change.apply(to: &document)
                }
            } catch {
                throw ReplayFailure(index: index, mismatch: error)
            }
        }
        for list in open.keys.sorted() { close(list) }
    }

    /// A keyed list being replayed: its elements (a removed one left as a gap until the list
    /// is closed, so no index moves) and where each key sits.
    private struct OpenList {
        let list: String
        private var slots: [JSONValue?]
        /// Canonical text of each element's key → its slot; the first element with the key,
        /// the one `apply(to:)` finds. Elements without a key never match, as there.
        private var positions: [String: Int] = [:]
        /// Whether two elements share a key (a file edited by hand): a removal then looks for
        /// the next one.
        private var repeatedKeys = false

        init(list: String, elements: [JSONValue]) {
            self.list = list
            slots = elements
            for position in slots.indices {
                guard let key = slots[position].flatMap({ JournalChange.key(of: $0, in: list) })?.canonicalText else { continue }
                if positions[key] == nil { positions[key] = position } else { repeatedKeys = true }
            }
        }

        var elements: [JSONValue] { slots.compactMap { $0 } }

        mutating func apply(old: JSONValue?, new: JSONValue?) throws(Mismatch) {
            guard let key = (old ?? new).flatMap({ JournalChange.key(of: $0, in: list) }) else {
                throw Mismatch(message: "it changes an element of \"\(list)\" that has no id")
            }
            let text = key.canonicalText
            let found = positions[text]
            if let old {
                guard let found else { throw Mismatch(message: "it changes \(list) \(text), which the replayed file does not have") }
                guard slots[found] == old else { throw Mismatch(message: "it changes \(list) \(text) from a value the replayed file does not have") }
                if let new {
                    guard JournalChange.key(of: new, in: list) == key else {
                        throw Mismatch(message: "it replaces \(list) \(text) by an element with another id")
                    }
                    slots[found] = new
                } else {
                    slots[found] = nil
                    positions[text] = repeatedKeys
                        ? slots.indices.dropFirst(found + 1).first { slots[$0].flatMap { JournalChange.key(of: $0, in: list) } == key }
                        : nil
                }
            } else if let new {
                guard found == nil else { throw Mismatch(message: "it adds \(list) \(text), which the replayed file already has") }
                slots.append(new)
                positions[text] = slots.count - 1
            }
        }
    }

    /// Applies the change to a document's top-level members, first checking that what it
    /// says was there is there.
    public func apply(to document: inout [String: JSONValue]) throws(Mismatch) {
        switch self {
        case .field(let name, let old, let new):
            guard document[name] == old else {
                throw Mismatch(message: "it changes \"\(name)\" from \(Self.describe(old)), but the replayed file has \(Self.describe(document[name]))")
            }
            document[name] = new
        case .element(let list, let old, let new):
            guard case .array(var elements)? = document[list] else {
                throw Mismatch(message: "it changes an element of \"\(list)\", but the replayed file has no list \"\(list)\"")
            }
            let key = (old ?? new).flatMap { Self.key(of: $0, in: list) }
            guard let key else { throw Mismatch(message: "it changes an element of \"\(list)\" that has no id") }
            let index = elements.firstIndex { Self.key(of: $0, in: list) == key }
            if let old {
                guard let index else {
                    throw Mismatch(message: "it changes \(list) \(key.canonicalText), which the replayed file does not have")
                }
                guard elements[index] == old else {
                    throw Mismatch(message: "it changes \(list) \(key.canonicalText) from a value the replayed file does not have")
                }
                if let new {
                    guard Self.key(of: new, in: list) == key else {
                        throw Mismatch(message: "it replaces \(list) \(key.canonicalText) by an element with another id")
                    }
                    elements[index] = new
                } else {
                    elements.remove(at: index)
                }
            } else if let new {
                guard index == nil else {
                    throw Mismatch(message: "it adds \(list) \(key.canonicalText), which the replayed file already has")
                }
                elements.append(new)
            }
            document[list] = .array(elements)
        case .order(let list, let keys):
            guard case .array(let elements)? = document[list] else {
                throw Mismatch(message: "it reorders \"\(list)\", but the replayed file has no list \"\(list)\"")
            }
            var byKey: [String: JSONValue] = [:]
            for element in elements {
                if let key = Self.key(of: element, in: list) { byKey[key.canonicalText] = element }
            }
            let wanted = keys.map(\.canonicalText)
            guard byKey.count == elements.count, wanted.count == elements.count, Set(wanted) == Set(byKey.keys) else {
                throw Mismatch(message: "its new order of \"\(list)\" does not list the replayed file's elements exactly once each")
            }
            document[list] = .array(wanted.map { byKey[$0]! })
        }
    }

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        let text = value.canonicalText
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    // MARK: - What a change concerns

    /// Whether the change touches a criterion: the criterion itself, a score on it, its
    /// weight in a weight set, or its place in the order of importance.
    public func concerns(criterion id: String) -> Bool {
        switch self {
        case .field(let name, let old, let new):
            return name == "importance" && [old, new].contains { $0?.arrayOfStrings?.contains(id) == true }
        case .element(let list, let old, let new):
            switch list {
            case "criteria": return [old, new].contains { $0?.member("id") == .string(id) }
            case "scores": return [old, new].contains { $0?.member("criterion") == .string(id) }
            case "weightSets": return old?.member("weights")?.member(id) != new?.member("weights")?.member(id)
            default: return false
            }
        case .order(let list, _):
            return list == "criteria"
        }
    }

    /// Whether the change touches an option: the option itself or a score of it.
    public func concerns(option id: String) -> Bool {
        switch self {
        case .field:
            return false
        case .element(let list, let old, let new):
            switch list {
            case "options": return [old, new].contains { $0?.member("id") == .string(id) }
            case "scores": return [old, new].contains { $0?.member("option") == .string(id) }
            default: return false
            }
        case .order(let list, _):
            return list == "options"
        }
    }

    // MARK: - Journal form

    /// The change as it is written in a journal entry.
    public var json: JSONValue {
        switch self {
        case .field(let name, let old, let new):
            var members: [String: JSONValue] = ["field": .string(name)]
            members["old"] = old
            members["new"] = new
            return .object(members)
        case .element(let list, let old, let new):
            var members: [String: JSONValue] = ["list": .string(list)]
            members["old"] = old
            members["new"] = new
            return .object(members)
        case .order(let list, let keys):
            return .object(["list": .string(list), "order": .array(keys)])
        }
    }

    /// Reads a change back from its journal form; nil when it is not one.
    public init?(json: JSONValue) {
        guard case .object(let members) = json else { return nil }
        let old = members["old"], new = members["new"]
        if case .string(let name)? = members["field"], Set(members.keys).isSubset(of: ["field", "old", "new"]) {
            self = .field(name: name, old: old, new: new)
        } else if case .string(let list)? = members["list"], JournalChange.keyedLists.contains(list) {
            if case .array(let keys)? = members["order"], members.count == 2 {
                self = .order(list: list, keys: keys)
            } else if Set(members.keys).isSubset(of: ["list", "old", "new"]), old != nil || new != nil {
                self = .element(list: list, old: old, new: new)
            } else {
                return nil
            }
        } else {
            return nil
        }
    }
}

extension JSONValue {
    /// The member of an object, or nil for anything else.
    public func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The texts of a list of strings, or nil for anything else.
    public var arrayOfStrings: [String]? {
        guard case .array(let elements) = self else { return nil }
        var texts: [String] = []
        for element in elements {
            guard case .string(let text) = element else { return nil }
            texts.append(text)
        }
        return texts
    }
}
