import Foundation

/// The parts of the committee paper to change; nil leaves a part as it is, an empty text
/// removes it (the report then drafts or marks it again).
public struct CommitteePaperChanges: Sendable, Equatable {
    /// Replaces the recommendations; an empty list returns to the drafted ones.
    public var recommendations: [String]?
    public var financial: String?
    public var legal: String?
    public var equalities: String?
    public var other: String?
    public var consultation: String?
    public var timetable: String?
    public var author: String?
    public var contact: String?
    public var version: String?

    public init(recommendations: [String]? = nil, financial: String? = nil, legal: String? = nil, equalities: String? = nil,
                other: String? = nil, consultation: String? = nil, timetable: String? = nil, author: String? = nil,
                contact: String? = nil, version: String? = nil) {
        self.recommendations = recommendations
        self.financial = financial
        self.legal = legal
        self.equalities = equalities
        self.other = other
        self.consultation = consultation
        self.timetable = timetable
        self.author = author
        self.contact = contact
        self.version = version
    }

    public var isEmpty: Bool { self == CommitteePaperChanges() }
}

enum CommitteePaperEditor {
    /// Applies the changes. Replacing words the officer already wrote needs a reason.
    static func change(_ draft: inout Appraisal, by changes: CommitteePaperChanges) throws(EditError) -> String? {
        var paper = draft.paper ?? CommitteePaper()
        var replaced: [String] = []
        func set(_ value: String?, _ keyPath: WritableKeyPath<CommitteePaper, String?>, _ name: String) throws(EditError) {
            guard let value else { return }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            let new: String? = trimmed.isEmpty ? nil : trimmed
            if let old = paper[keyPath: keyPath], old != new { replaced.append(name) }
            paper[keyPath: keyPath] = new
        }
        if let recommendations = changes.recommendations {
            let cleaned = recommendations.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cleaned.contains(where: \.isEmpty) { throw EditError("a recommendation is empty; write it in full, such as --recommendation \"That members agree …\"") }
            if !paper.recommendations.isEmpty && paper.recommendations != cleaned { replaced.append("the recommendations") }
            paper.recommendations = cleaned
        }
        try set(changes.financial, \.implications.financial, "the financial implications")
        try set(changes.legal, \.implications.legal, "the legal implications")
        try set(changes.equalities, \.implications.equalities, "the equalities implications")
        try set(changes.other, \.implications.other, "the other implications")
        try set(changes.consultation, \.consultation, "the consultation")
        try set(changes.timetable, \.timetable, "the timetable")
        try set(changes.author, \.author, "the author")
        try set(changes.contact, \.contact, "the contact")
        try set(changes.version, \.version, "the version note")
        draft.paper = paper.isEmpty ? nil : paper
        guard let first = replaced.first else { return nil }
        return "replacing \(replaced.count == 1 ? first : replaced.dropLast().joined(separator: ", ") + " and " + replaced.last!) already written changes the paper members read"
    }
}
