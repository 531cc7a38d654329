import Foundation

/// Text from the appraisal file made fit for members. Officers cite their sources down to the
/// line of a plain-text copy ("seed 001 line 1193", "001:3761") and the tool's own notes name
/// commands ("state one with 'appraise importance'"); a member has the published document, not
/// the copy, and no command line. Document, section and page stay; the rest goes.
enum ReaderText {
    static func clean(_ text: String) -> String {
        guard text.contains(where: \.isNumber) || text.contains("appraise ") else { return text }
        var out = text
        for (pattern, replacement) in rules { out = replace(pattern, in: out, with: replacement) }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// In order: line citations, then the empty or dangling punctuation they leave behind.
    private static let rules: [(String, String)] = [
        // A clause that tells the reader to run a command.
        (#"[;,]?\s*[^.;:!?]*'appraise [^']*'[^.;]*"#, ""),
        (#"[;,]?\s*[^.;:!?]*`appraise [^`]*`[^.;]*"#, ""),
        // "(seed 001 line 1193)", "seed 001:3763", "(seed 001)", "001:1193", ", lines 2945–2967", "line ~3040".
        (#"\bseed \d{3}(?::\d+(?:[–-]\d+)?)?"#, ""),
        (#"\b\d{3}:\d+(?:[–-]\d+)?\b"#, ""),
        (#",?\s*\blines? ~?\d+(?:\s*[–-]\s*~?\d+)?"#, ""),
        // What the removals leave: "()", "( )", "(, x)", "(x, )", "(: x)", doubled spaces.
        (#"\(\s*[,;:]?\s*\)"#, ""),
        (#"\(\s*[,;:]\s*"#, "("),
        (#"\s*[,;:]\s*\)"#, ")"),
        (#"\s+\("#, " ("),
        (#" {2,}"#, " "),
        (#"\s+([,.;:])"#, "$1"),
        (#"^\s*[:;,]\s*"#, ""),
        (#"\.\."#, "."),
    ]

    private static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The first sentence of a description, cut at a word near `limit` characters when longer:
    /// what fits a cell of the options matrix.
    static func short(_ text: String, limit: Int = 110) -> String {
        let cleaned = clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
        var sentence = cleaned
        if let end = cleaned.range(of: ". ") { sentence = String(cleaned[..<end.lowerBound]) + "." }
        guard sentence.count > limit else { return sentence }
        let cut = sentence.prefix(limit)
        let words = cut.split(separator: " ").dropLast()
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:")) + " …"
    }
}
