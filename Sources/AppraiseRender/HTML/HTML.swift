import AppraiseKit
import Foundation

/// Escaping and the few building blocks every part of the page shares. Every piece of text
/// from an appraisal goes through `escape` before it reaches the page, so a name such as
/// `<script>` or `" onmouseover="` is shown as written and never runs or breaks the markup.
public enum HTML {
    /// Text made safe for element content and for attribute values in double or single quotes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A JSON document to sit in `<script type="application/json">`: `JSONValue` already writes
    /// `<`, `>` and `&` as \u escapes, so the text can never close the script element.
    public static func dataBlock(id: String, _ value: JSONValue) -> String {
        "<script type=\"application/json\" id=\"\(id)\">\(value.canonicalText)</script>\n"
    }

    /// The Content-Security-Policy source for an inline script or style: the page runs only
    /// the code it was written with, even if an escaping mistake ever let markup through.
    public static func hashSource(_ code: String) -> String {
        "'sha256-" + Data(SHA256.hash(Data(code.utf8))).base64EncodedString() + "'"
    }

    /// A wide table in a scrolling box a keyboard can reach, so a tablet never cuts off columns.
    static func scrollBox(_ label: String, _ content: String) -> String {
        "<div class=\"scroll\" role=\"region\" aria-label=\"\(escape(label))\" tabindex=\"0\">\n\(content)</div>\n"
    }
}
