import Foundation

/// Line and column (both from 1) of a character in a source file, so every problem the tool
/// reports can point an editor at the place to fix.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A parsed JSON value that remembers where it was written. Numbers keep their literal text so
/// that decimals can be read exactly (see `Rational(decimal:)`), and objects keep their members
/// in file order, duplicates included, so the decoder can report them.
public struct JSONNode: Sendable {
    public let kind: Kind
    public let position: SourcePosition

    public init(kind: Kind, position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    /// The kind's name as a user would say it, for "expected a string, found a number".
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable {
    public let key: String
    public let keyPosition: SourcePosition
    public let value: JSONNode

    public init(key: String, keyPosition: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// Why a file is not JSON at all, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let message: String
    public let position: SourcePosition

    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }
}
