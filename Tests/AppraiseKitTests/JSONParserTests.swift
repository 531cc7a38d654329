import Foundation
import XCTest

import AppraiseKit

/// Pins the strict JSON reader: where each value sits (so every diagnostic can point an editor
/// at the place to fix), what each syntax error says and where, which bytes are refused, and
/// the canonical and pretty forms written back out.
final class JSONParserTests: XCTestCase {
    // MARK: - Helpers

    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNode? {
        parse(Data(text.utf8), file: file, line: line)
    }

    private func parse(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> JSONNode? {
        do {
            return try JSONParser.parse(data)
        } catch {
            XCTFail("unexpected syntax error: \(error.message) at \(error.position)", file: file, line: line)
            return nil
        }
    }

    /// The syntax error the text gives; fails the test when it parses.
    private func syntaxError(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(data)
            XCTFail("expected a syntax error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func assertSyntaxError(_ text: String, line expectedLine: Int, column expectedColumn: Int, contains fragments: [String],
                                   file: StaticString = #filePath, line: UInt = #line) {
        assertSyntaxError(Data(text.utf8), line: expectedLine, column: expectedColumn, contains: fragments, file: file, line: line)
    }

    private func assertSyntaxError(_ data: Data, line expectedLine: Int, column expectedColumn: Int, contains fragments: [String],
                                   file: StaticString = #filePath, line: UInt = #line) {
        guard let error = syntaxError(data, file: file, line: line) else { return }
        XCTAssertEqual(error.position, SourcePosition(line: expectedLine, column: expectedColumn),
                       "position of: \(error.message)", file: file, line: line)
        XCTAssertFalse(error.message.isEmpty, file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(error.message.contains(fragment), "\"\(error.message)\" should mention \"\(fragment)\"", file: file, line: line)
        }
    }

    private func members(_ node: JSONNode?) -> [JSONMember] {
        guard let node, case .object(let members) = node.kind else { XCTFail("expected an object"); return [] }
        return members
    }

    private func elements(_ node: JSONNode?) -> [JSONNode] {
        guard let node, case .array(let elements) = node.kind else { XCTFail("expected a list"); return [] }
        return elements
    }

    private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    // MARK: - Positions

    func testPositionsOfNestedKeysAndValues() {
        // Columns below are counted by hand; each line starts at column 1.
        let text = """
        {
          "title": "Plan",
          "scores": [
            {"option": "a", "value": 3},
            {"option": "b",
             "value": -2.5}
          ],
          "flag": true, "none": null
        }
        """
        let root = parse(text)
        XCTAssertEqual(root?.position, at(1, 1))
        let top = members(root)
        XCTAssertEqual(top.map(\.key), ["title", "scores", "flag", "none"])
        // line 2: `  "title": "Plan",` → key at 3, value at 12.
        XCTAssertEqual(top[0].keyPosition, at(2, 3))
        XCTAssertEqual(top[0].value.position, at(2, 12))
        // line 3: `  "scores": [` → key at 3, list at 13.
        XCTAssertEqual(top[1].keyPosition, at(3, 3))
        XCTAssertEqual(top[1].value.position, at(3, 13))
        let scores = elements(top[1].value)
        // line 4: `    {"option": "a", "value": 3},` → object at 5, "option" at 6, "a" at 16, "value" at 21, 3 at 30.
        XCTAssertEqual(scores[0].position, at(4, 5))
        let first = members(scores[0])
        XCTAssertEqual(first[0].keyPosition, at(4, 6))
        XCTAssertEqual(first[0].value.position, at(4, 16))
        XCTAssertEqual(first[1].keyPosition, at(4, 21))
        XCTAssertEqual(first[1].value.position, at(4, 30))
        // line 6: `     "value": -2.5}` → key at 6, number (with its sign) at 15.
        let second = members(scores[1])
        XCTAssertEqual(second[1].keyPosition, at(6, 6))
        XCTAssertEqual(second[1].value.position, at(6, 15))
        if case .number(let literal) = second[1].value.kind {
            XCTAssertEqual(literal, "-2.5", "number literals are kept as written")
        } else {
            XCTFail("expected a number")
        }
        // line 8: `  "flag": true, "none": null` → true at 11, "none" at 17, null at 25.
        XCTAssertEqual(top[2].value.position, at(8, 11))
        XCTAssertEqual(top[3].keyPosition, at(8, 17))
        XCTAssertEqual(top[3].value.position, at(8, 25))
    }

    func testColumnsCountCharactersNotBytes() {
        // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes in UTF-8; each is one character.
        // `{"é€😀": "x", "k": 1}`: key at 2; é 3, € 4, 😀 5, closing quote 6, colon 7, space 8;
        // "x" at 9, "k" at 14, 1 at 19. (Counting bytes would give 15, 20 and 25.)
        let root = parse("{\"é€😀\": \"x\", \"k\": 1}")
        let top = members(root)
        XCTAssertEqual(top.map(\.key), ["é€😀", "k"])
        XCTAssertEqual(top[0].value.position, at(1, 9))
        XCTAssertEqual(top[1].keyPosition, at(1, 14))
        XCTAssertEqual(top[1].value.position, at(1, 19))
        // And an error after multi-byte text on a later line points at the right character:
        // line 2 `"ünïcödé": 1 2` → the stray 2 is character 14 (byte 18).
        assertSyntaxError("{\n\"ünïcödé\": 1 2}", line: 2, column: 14, contains: ["comma"])
    }

    func testLinesCountLineFeedsAndCarriageReturnsAreWhitespace() {
        // Windows line ends: \r\n counts as one line break; the \r is not a column of the next line.
        let root = parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}")
        let top = members(root)
        XCTAssertEqual(top[0].keyPosition, at(2, 3))
        XCTAssertEqual(top[1].keyPosition, at(3, 3))
        XCTAssertEqual(top[1].value.position, at(3, 8))
    }

    func testScalarsAndEscapesAreDecoded() {
        let root = parse(#"{"s": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "t": true, "f": false, "n": null, "e": [], "o": {}}"#)
        let top = members(root)
        if case .string(let text) = top[0].value.kind {
            XCTAssertEqual(text, "a\"b\\c/d\n\té😀")
        } else {
            XCTFail("expected a string")
        }
        if case .bool(true) = top[1].value.kind {} else { XCTFail("expected true") }
        if case .bool(false) = top[2].value.kind {} else { XCTFail("expected false") }
        if case .null = top[3].value.kind {} else { XCTFail("expected null") }
        XCTAssertEqual(elements(top[4].value).count, 0)
        XCTAssertEqual(members(top[5].value).count, 0)
    }

    func testDuplicateKeysAreKeptInFileOrder() {
        // The decoder reports duplicates, so the parser must not drop them.
        let top = members(parse(#"{"a": 1, "b": 2, "a": 3}"#))
        XCTAssertEqual(top.map(\.key), ["a", "b", "a"])
        XCTAssertEqual(top[2].keyPosition, at(1, 18))
    }

    // MARK: - Syntax errors: message and place

    func testTrailingCommaInObjectAndList() {
        // `{"a": 1,}` → the } at column 9.
        assertSyntaxError(#"{"a": 1,}"#, line: 1, column: 9, contains: ["trailing comma"])
        // line 3 `  2,` then line 4 `]` at column 1.
        assertSyntaxError("[\n  1,\n  2,\n]", line: 4, column: 1, contains: ["trailing comma"])
    }

    func testMissingComma() {
        // line 3 `  "b": 2` follows `"a": 1` with no comma: pointed at "b", column 3.
        assertSyntaxError("{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3, contains: ["\"a\"", "comma"])
        // In a list: `[1 2]` → the 2 at column 4.
        assertSyntaxError("[1 2]", line: 1, column: 4, contains: ["comma"])
    }

    func testUnclosedStringObjectAndList() {
        // The string opened at column 7 runs to the end of the file (column 11).
        assertSyntaxError(#"{"a": "abc"#, line: 1, column: 11, contains: ["never closed", "line 1, column 7"])
        // A string that runs into a line break: reported at the break, column 11.
        assertSyntaxError("{\"a\": \"abc\n\"}", line: 1, column: 11, contains: ["end of the line", "\\n"])
        // Object opened at line 1 column 1, file ends after the value on line 2.
        assertSyntaxError("{\n  \"a\": 1\n", line: 3, column: 1, contains: ["ends inside an object", "line 1, column 1", "}"])
        // List opened at line 1 column 7.
        assertSyntaxError(#"{"a": [1, 2"#, line: 1, column: 12, contains: ["ends inside a list", "line 1, column 7", "]"])
        // Cut short after the colon.
        assertSyntaxError(#"{"a": "#, line: 1, column: 7, contains: ["ends in the middle of a value"])
    }

    func testSingleQuotes() {
        // As a value: the quote at column 7, with the hint to use double quotes.
        assertSyntaxError("{\"a\": 'x'}", line: 1, column: 7, contains: ["double quotes", "single quotes"])
        // As a key: column 2.
        assertSyntaxError("{'a': 1}", line: 1, column: 2, contains: ["double quotes"])
    }

    func testNaNAndInfinity() {
        assertSyntaxError(#"{"a": NaN}"#, line: 1, column: 7, contains: ["NaN", "finite number"])
        assertSyntaxError(#"{"a": Infinity}"#, line: 1, column: 7, contains: ["Infinity", "finite number"])
        // `-Infinity`: the I after the sign, column 8.
        assertSyntaxError(#"{"a": -Infinity}"#, line: 1, column: 8, contains: ["Infinity"])
    }

    func testNumberGrammar() {
        // Leading zero: the number 07 starts at column 7.
        assertSyntaxError(#"{"a": 07}"#, line: 1, column: 7, contains: ["may not start with 0"])
        assertSyntaxError("[\n  -012\n]", line: 2, column: 3, contains: ["may not start with 0"])
        // "1." and ".5" are not JSON: a digit must follow the point, and a value cannot start with ".".
        assertSyntaxError(#"{"a": 1.}"#, line: 1, column: 9, contains: ["digit after the decimal point"])
        assertSyntaxError(#"{"a": .5}"#, line: 1, column: 7, contains: ["expected a value", "'.'"])
        assertSyntaxError(#"{"a": -}"#, line: 1, column: 8, contains: ["digit after '-'"])
        assertSyntaxError(#"{"a": 1e}"#, line: 1, column: 9, contains: ["exponent needs digits"])
        assertSyntaxError(#"{"a": +1}"#, line: 1, column: 7, contains: ["expected a value"])
        // The valid spellings all parse, and keep their literal text.
        let list = elements(parse("[0, -0, 0.5, -1.25e+2, 1E-3, 10]"))
        let literals = list.compactMap { node -> String? in
            if case .number(let text) = node.kind { return text }
            return nil
        }
        XCTAssertEqual(literals, ["0", "-0", "0.5", "-1.25e+2", "1E-3", "10"])
    }

    func testBadEscapeAndBadUnicodeEscape() {
        // `{"a": "x\qy"}`: the escape \q starts at the backslash, column 9.
        assertSyntaxError(#"{"a": "x\qy"}"#, line: 1, column: 9, contains: ["'\\q' is not a JSON escape"])
        assertSyntaxError(#"["\u12G4"]"#, line: 1, column: 5, contains: ["four hexadecimal digits"])
        assertSyntaxError(#"["\ud83d x"]"#, line: 1, column: 9, contains: ["surrogate"])
    }

    func testControlCharacterInsideString() {
        // A raw tab at column 9 inside the string.
        assertSyntaxError("{\"a\": \"x\ty\"}", line: 1, column: 9, contains: ["control character", "0x9"])
        assertSyntaxError("[\"\u{01}\"]", line: 1, column: 3, contains: ["control character", "0x1"])
    }

    func testBareWordsAndTextAfterTheValue() {
        assertSyntaxError(#"{"a": True}"#, line: 1, column: 7, contains: ["expected a value", "'T'"])
        assertSyntaxError(#"{"a": tru}"#, line: 1, column: 7, contains: ["'true'", "lower case"])
        assertSyntaxError("{}\n{}", line: 2, column: 1, contains: ["after the end"])
        assertSyntaxError("{\"a\" 1}", line: 1, column: 6, contains: ["':'", "\"a\""])
        assertSyntaxError("{1: 2}", line: 1, column: 2, contains: ["key in double quotes"])
    }

    func testDeepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        // The 257th [ is at column 257.
        assertSyntaxError(deep, line: 1, column: 257, contains: ["256 levels"])
        XCTAssertNotNil(parse(String(repeating: "[", count: 256) + String(repeating: "]", count: 256)))
    }

    // MARK: - Encodings and empty input

    func testEmptyAndBlankFiles() {
        assertSyntaxError("", line: 1, column: 1, contains: ["empty"])
        // Blanks only: said to be white space, with their count, not "empty".
        assertSyntaxError("  \n\n  ", line: 3, column: 3, contains: ["6 bytes of white space", "no JSON"])
        assertSyntaxError(Data([0xEF, 0xBB, 0xBF]), line: 1, column: 1, contains: ["empty"])
    }

    func testByteOrderMarkIsAcceptedAndNotCounted() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(#"{"a": 1}"#.utf8)
        let top = members(parse(data))
        XCTAssertEqual(top.first?.key, "a")
        // The mark is not a character: "a" is still at column 2.
        XCTAssertEqual(top.first?.keyPosition, at(1, 2))
        XCTAssertEqual(top.first?.value.position, at(1, 7))
        // And an error on the first line after a BOM keeps its column.
        assertSyntaxError(Data([0xEF, 0xBB, 0xBF]) + Data(#"{"a": 1,}"#.utf8), line: 1, column: 9, contains: ["trailing comma"])
    }

    func testUTF16IsRejectedWithSaveAsUTF8() {
        let text = #"{"a": 1}"#
        // Little-endian with BOM, as Notepad and PowerShell write it.
        var little = Data([0xFF, 0xFE])
        for unit in text.utf16 { little.append(UInt8(unit & 0xFF)); little.append(UInt8(unit >> 8)) }
        assertSyntaxError(little, line: 1, column: 1, contains: ["UTF-16", "save it as UTF-8"])
        var big = Data([0xFE, 0xFF])
        for unit in text.utf16 { big.append(UInt8(unit >> 8)); big.append(UInt8(unit & 0xFF)) }
        assertSyntaxError(big, line: 1, column: 1, contains: ["UTF-16", "save it as UTF-8"])
    }

    func testLatin1IsRejectedWithTheByteAndItsPlace() {
        // "café" in Latin-1: é is the single byte 0xE9. Line 2 `  "name": "caf` is 14 characters,
        // so the bad byte is column 15.
        let data = Data("{\n  \"name\": \"caf".utf8) + Data([0xE9]) + Data("\"\n}".utf8)
        assertSyntaxError(data, line: 2, column: 15, contains: ["not UTF-8", "0xE9", "save it as UTF-8"])
        // Windows-1252 curly quote 0x93 (a lone continuation byte).
        assertSyntaxError(Data("[\"".utf8) + Data([0x93]) + Data("x\"]".utf8), line: 1, column: 3, contains: ["0x93", "save it as UTF-8"])
        // Overlong and surrogate encodings are not UTF-8 either.
        assertSyntaxError(Data("[\"".utf8) + Data([0xC0, 0xAF]) + Data("\"]".utf8), line: 1, column: 3, contains: ["save it as UTF-8"])
        assertSyntaxError(Data("[\"".utf8) + Data([0xED, 0xA0, 0x80]) + Data("\"]".utf8), line: 1, column: 3, contains: ["save it as UTF-8"])
    }

    // MARK: - JSONValue output

    func testCanonicalTextSortsKeysAndHasNoWhitespace() {
        let value = JSONValue.object([
            "b": .array([.number(1), .bool(true), .null]),
            "a": .object(["z": .string("last"), "y": .number(Rational(25, 2))]),
            "B": .string("upper case sorts first"),
            "é": .number(Rational(-1, 3)),
        ])
        XCTAssertEqual(value.canonicalText,
                       #"{"B":"upper case sorts first","a":{"y":12.5,"z":"last"},"b":[1,true,null],"é":-0.333333}"#)
    }

    func testPrettyTextIndentsTwoSpacesAndEndsWithNewline() {
        let value = JSONValue.object([
            "list": .array([.number(1), .object(["k": .string("v")])]),
            "empty": .object([:]),
            "none": .array([]),
            "n": .null,
        ])
        let expected = """
        {
          "empty": {},
          "list": [
            1,
            {
              "k": "v"
            }
          ],
          "n": null,
          "none": []
        }

        """
        XCTAssertEqual(value.prettyText, expected)
    }

    func testStringEscaping() {
        let value = JSONValue.string("quote \" backslash \\ slash / nl \n cr \r tab \t bs \u{08} ff \u{0C} nul \u{0} us \u{1F} <b>&amp; \u{2028}\u{2029} é 😀")
        XCTAssertEqual(value.canonicalText,
                       #""quote \" backslash \\ slash / nl \n cr \r tab \t bs \b ff \f nul \u0000 us \u001f \u003cb\u003e\u0026amp; \u2028\u2029 é 😀""#)
        // Whatever is escaped reads back as the same string.
        if let node = parse(value.canonicalText), case .string(let text) = node.kind, case .string(let original) = value {
            XCTAssertEqual(text, original)
        } else {
            XCTFail("escaped text should parse back to a string")
        }
    }

    func testNumbersFromRationalsAndDoubles() {
        XCTAssertEqual(JSONValue.number(Rational(33)).canonicalText, "33")
        XCTAssertEqual(JSONValue.number(Rational(2, 3), maximumPlaces: 4).canonicalText, "0.6667")
        XCTAssertEqual(JSONValue.number(7).canonicalText, "7")
        XCTAssertEqual(JSONValue.number(2.5, places: 0).canonicalText, "3")
        XCTAssertEqual(JSONValue.number(-2.5, places: 0).canonicalText, "-3")
        XCTAssertEqual(JSONValue.number(0.25, places: 3).canonicalText, "0.250")
        XCTAssertEqual(JSONValue.number(-0.04, places: 1).canonicalText, "0.0")
        XCTAssertEqual(JSONValue.number(Double.nan, places: 2), .null)
        XCTAssertEqual(JSONValue.number(-Double.infinity, places: 2), .null)
        XCTAssertEqual(JSONValue.optional(nil), .null)
        XCTAssertEqual(JSONValue.optional("x"), .string("x"))
    }

    func testCanonicalFormIgnoresWhitespaceKeyOrderAndNumberSpelling() {
        let compact = #"{"a":{"x":null,"y":[1.5,100,-0.25]},"b":"text","c":false}"#
        let spaced = """
        {
            "c" : false ,
            "b" : "text",
            "a" : { "y" : [ 1.50, 1e2, -25E-2 ],
                    "x" : null }
        }
        """
        let crlf = spaced.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "    ", with: "\t")
        guard let one = parse(compact), let two = parse(spaced), let three = parse(crlf) else { return }
        XCTAssertEqual(JSONValue(one).canonicalText, compact)
        XCTAssertEqual(JSONValue(two).canonicalText, compact)
        XCTAssertEqual(JSONValue(three).canonicalText, compact)
        XCTAssertEqual(JSONValue(two), JSONValue(one))
    }

    func testCanonicalNumbersAreNormalised() {
        // Each group is one number written different ways.
        let groups: [[String]] = [
            ["1.5", "1.50", "15e-1", "0.15E1", "150e-2"],
            ["100", "1e2", "1E+2", "100.000", "0.1e3"],
            ["0", "-0", "0.0", "0e5"],
            ["-0.25", "-25e-2", "-0.250"],
        ]
        for group in groups {
            let canonical = group.compactMap { parse("[\($0)]").map { JSONValue($0).canonicalText } }
            XCTAssertEqual(Set(canonical).count, 1, "\(group) → \(canonical)")
        }
        XCTAssertEqual(parse("[1.50]").map { JSONValue($0).canonicalText }, "[1.5]")
        XCTAssertEqual(parse("[1e2]").map { JSONValue($0).canonicalText }, "[100]")
        XCTAssertEqual(parse("[-0]").map { JSONValue($0).canonicalText }, "[0]")
        // A number beyond exact reach keeps its literal rather than being rounded to something else.
        XCTAssertEqual(parse("[1e400]").map { JSONValue($0).canonicalText }, "[1e400]")
        // Different numbers stay different.
        XCTAssertNotEqual(parse("[1.5]").map { JSONValue($0).canonicalText }, parse("[1.05]").map { JSONValue($0).canonicalText })
    }

    func testCanonicalFormKeepsTheLastOfDuplicatedKeys() {
        XCTAssertEqual(parse(#"{"a": 1, "a": 2}"#).map { JSONValue($0).canonicalText }, #"{"a":2}"#)
    }

    // MARK: - Fingerprints of appraisal files

    func testFingerprintIgnoresFormattingButNotContent() {
        let compact = #"{"format":1,"id":"x","values":[1.5,2]}"#
        let spaced = "{\n  \"values\": [1.50, 2],\n  \"id\": \"x\",\n  \"format\": 1\n}\n"
        let changed = #"{"format":1,"id":"x","values":[1.5,3]}"#
        let one = AppraisalFile(data: Data(compact.utf8), name: "one.json").fingerprint
        let two = AppraisalFile(data: Data(spaced.utf8), name: "two.json").fingerprint
        let three = AppraisalFile(data: Data(changed.utf8), name: "three.json").fingerprint
        // sha256 of the canonical text itself, computed independently of the file's layout.
        XCTAssertEqual(one, "sha256:" + SHA256.hexDigest(compact))
        XCTAssertEqual(one, two)
        XCTAssertNotEqual(one, three)
        XCTAssertNil(AppraisalFile(data: Data("{".utf8), name: "bad.json").fingerprint)
    }
}
