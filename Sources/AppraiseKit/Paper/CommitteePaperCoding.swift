/// Reading and writing `paper`, after every other key; a file without it is unchanged.
extension AppraisalDecoder {
    func decodePaper(_ node: JSONNode, path: String) -> CommitteePaper? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        var paper = CommitteePaper()
        paper.recommendations = reader.strings("recommendations") ?? []
        if let node = reader.node("implications", required: false),
           let implications = JSONObjectReader(node, path: reader.child("implications"), sink: sink) {
            paper.implications = .init(financial: implications.string("financial", required: false),
                                       legal: implications.string("legal", required: false),
                                       equalities: implications.string("equalities", required: false),
                                       other: implications.string("other", required: false))
            implications.rejectUnknownKeys()
        }
        paper.consultation = reader.string("consultation", required: false)
        paper.timetable = reader.string("timetable", required: false)
        paper.author = reader.string("author", required: false)
        paper.contact = reader.string("contact", required: false)
        paper.version = reader.string("version", required: false)
        reader.rejectUnknownKeys()
        return paper
    }
}

extension AppraisalEncoding {
    static func addPaper(_ appraisal: Appraisal, to members: inout Members) {
        guard let paper = appraisal.paper, !paper.isEmpty else { return }
        var written = Members()
        written.optional("recommendations", paper.recommendations)
        var implications = Members()
        implications.optional("financial", paper.implications.financial)
        implications.optional("legal", paper.implications.legal)
        implications.optional("equalities", paper.implications.equalities)
        implications.optional("other", paper.implications.other)
        if paper.implications != CommitteePaper.Implications() { written.add("implications", implications.node) }
        written.optional("consultation", paper.consultation)
        written.optional("timetable", paper.timetable)
        written.optional("author", paper.author)
        written.optional("contact", paper.contact)
        written.optional("version", paper.version)
        members.add("paper", written.node)
    }
}
