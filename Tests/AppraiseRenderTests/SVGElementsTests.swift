@testable import AppraiseRender
import Foundation
import XCTest

/// The one-pass SVG reader behind the Word file's charts reads what the regular expressions it
/// replaced read: checked against them on every chart of the reference pack and on awkward
/// markup (entities, self-closing tags, longer names, text with markup inside).
final class SVGElementsTests: XCTestCase {
    private struct Read: Equatable {
        let kind: String
        let attributes: [String: String]
        let content: String
    }

    /// The pattern-based reading the scanner replaced, kept here as the oracle.
    private func byPattern(_ svg: String) -> [Read] {
        let unescape = { (text: String) in
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        let element = try! NSRegularExpression(pattern: #"<(rect|line|circle|text)\b([^>]*?)/?>(?:([^<]*)</text>)?"#)
        let attribute = try! NSRegularExpression(pattern: #"([a-zA-Z][\w-]*)="([^"]*)""#)
        let text = svg as NSString
        return element.matches(in: svg, range: NSRange(location: 0, length: text.length)).map { match in
            let tag = text.substring(with: match.range(at: 2)) as NSString
            var attributes: [String: String] = [:]
            for found in attribute.matches(in: tag as String, range: NSRange(location: 0, length: tag.length)) {
                attributes[tag.substring(with: found.range(at: 1))] = unescape(tag.substring(with: found.range(at: 2)))
            }
            let content = match.range(at: 3).location == NSNotFound ? "" : unescape(text.substring(with: match.range(at: 3)))
            return Read(kind: text.substring(with: match.range(at: 1)), attributes: attributes, content: content)
        }
    }

    private func byScanner(_ svg: String) -> [Read] {
        var found: [Read] = []
        SVGElements.forEach(in: svg) { element in
            found.append(Read(kind: "\(element.kind)", attributes: element.attributes, content: element.content))
        }
        return found
    }

    func testReadsWhatThePatternsRead() throws {
        var samples = try PackFixtures.reference().chartFiles.map(\.svg)
        samples += [
            ##"<svg><rect x="1" y="2" width="3" height="4" fill="#fff"/><rectangle x="9"/><line x1="0"y2="5" stroke-dasharray="4 3"/>"##,
            ##"<text x="1" class="label end-label" text-anchor="end">A &amp;lt; B &amp; C &#39;q&#39; &quot;r&quot; &gt; –é</text>"##,
            ##"<text x="2"><tspan>inner</tspan></text><text y="3"></text><circle cx="1" cy="2" r="4"><title>t &amp; u</title></circle>"##,
            ##"<line 9a="1" data-x="2" _b="3" x:y="4" dup="5" dup="6" a=7 b="8"/><text transform="translate(12 40) rotate(-90)">Total</text>"##,
            ##"<text>unfinished <line x1="1"/></text><rect x="1" y="2""##,
        ]
        for svg in samples { XCTAssertEqual(byScanner(svg), byPattern(svg), svg.prefix(80) + "…") }
    }
}
