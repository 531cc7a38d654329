import Foundation

/// What the officer writes around the numbers for the committee report: the recommendations in
/// their own words, the implications only they can judge, who wrote the report and whom to ask.
/// The tool drafts recommendations from the result; the officer's, once written, replace them.
/// Kept in the appraisal file under `paper` (optional: a file without it reads as before).
public struct CommitteePaper: Sendable, Equatable {
    /// "That members note …", "That members agree …"; empty means the drafted ones are used.
    public var recommendations: [String]
    public var implications: Implications
    /// Who was consulted and what they said.
    public var consultation: String?
    /// When the decision would be carried out, and by whom.
    public var timetable: String?
    public var author: String?
    /// How to reach the author: telephone, email.
    public var contact: String?
    /// A version note printed beside the journal head ("Draft for pre-agenda meeting").
    public var version: String?

    public struct Implications: Sendable, Equatable {
        public var financial: String?
        public var legal: String?
        public var equalities: String?
        public var other: String?

        public init(financial: String? = nil, legal: String? = nil, equalities: String? = nil, other: String? = nil) {
            self.financial = financial
            self.legal = legal
            self.equalities = equalities
            self.other = other
        }
    }

    public init(recommendations: [String] = [], implications: Implications = Implications(), consultation: String? = nil,
                timetable: String? = nil, author: String? = nil, contact: String? = nil, version: String? = nil) {
        self.recommendations = recommendations
        self.implications = implications
        self.consultation = consultation
        self.timetable = timetable
        self.author = author
        self.contact = contact
        self.version = version
    }

    /// The parts of the paper still to be written, by their key in the file, in the order the
    /// report prints them: `validate` names them, and the report marks each as to be completed.
    public var missing: [String] {
        let parts: [(String, String?)] = [
            ("recommendations", recommendations.isEmpty ? nil : "written"), ("consultation", consultation), ("timetable", timetable),
            ("implications.financial", implications.financial), ("implications.legal", implications.legal),
            ("implications.equalities", implications.equalities), ("implications.other", implications.other),
            ("author", author), ("contact", contact),
        ]
        return parts.filter { ($0.1 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
    }

    /// Whether nothing at all has been written (the file needs no `paper` key).
    public var isEmpty: Bool { self == CommitteePaper() }
}
