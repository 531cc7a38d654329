import AppraiseKit

/// What a format does with each kind of block. `ReportDocument.write` walks the document in
/// order and numbers the paragraphs, so every format numbers them alike and meets every block.
protocol DocumentWriter {
    /// A section's heading: level 1 for sections and appendices.
    mutating func heading(_ text: String, level: Int, id: String?)
    /// A paragraph with its number ("3.2").
    mutating func paragraph(_ number: String, _ text: String)
    mutating func list(_ items: [String])
    mutating func reasons(_ reasons: [Reason])
    mutating func table(_ table: ReportTable)
    mutating func figure(_ figure: ReportFigure)
    mutating func callout(title: String, items: [String], agrees: Bool)
    /// A titled part at `level` (2 under a section, 3 under that); `end` closes it.
    mutating func beginSubsection(_ title: String, level: Int, folded: Bool)
    mutating func endSubsection(folded: Bool)
    mutating func interactive(_ kind: ReportBlock.Interactive)
    mutating func beginSection(_ section: ReportSection)
    mutating func endSection(_ section: ReportSection)
}

extension DocumentWriter {
    mutating func interactive(_ kind: ReportBlock.Interactive) {}
    mutating func beginSection(_ section: ReportSection) {}
    mutating func endSection(_ section: ReportSection) {}
}

extension ReportDocument {
    /// Writes `sections` (the front, the appendices, or both) in order.
    func write<W: DocumentWriter>(_ sections: [ReportSection], to writer: inout W) {
        for section in sections {
            writer.beginSection(section)
            writer.heading(heading(of: section), level: 1, id: section.id)
            var count = 0
            let prefix = number(of: section)
            write(section.blocks, level: 2, prefix: prefix, count: &count, to: &writer)
            writer.endSection(section)
        }
    }

    private func write<W: DocumentWriter>(_ blocks: [ReportBlock], level: Int, prefix: String, count: inout Int, to writer: inout W) {
        for block in blocks {
            switch block {
            case .paragraph(let text):
                count += 1
                writer.paragraph("\(prefix).\(count)", text)
            case .list(let items): if !items.isEmpty { writer.list(items) }
            case .reasons(let reasons): writer.reasons(reasons)
            case .table(let table): writer.table(table)
            case .figure(let figure): writer.figure(figure)
            case .callout(let title, let items, let agrees): writer.callout(title: title, items: items, agrees: agrees)
            case .subsection(let title, let inner, let folded):
                writer.beginSubsection(title, level: level, folded: folded)
                write(inner, level: min(level + 1, 4), prefix: prefix, count: &count, to: &writer)
                writer.endSubsection(folded: folded)
            case .interactive(let kind): writer.interactive(kind)
            }
        }
    }

    /// Every section's heading, for a contents list.
    var contents: [(id: String, heading: String)] {
        (front + appendices).map { ($0.id, heading(of: $0)) }
    }
}
