import AppraiseKit
import Foundation

/// Reading a spreadsheet an officer exported, shared by every command that takes one.
enum SheetInput {
    /// Prints every problem in the sheet, then the error that stops the command.
    static func failure(_ problems: SheetProblems, file: String, console: Console) -> InputError {
        for message in problems.messages { console.error(message) }
        let count = problems.messages.count
        return InputError(message: "\(file): \(count) problem\(count == 1 ? "" : "s") to fix in the spreadsheet (listed above); nothing was written")
    }

    /// The sheet's rows, or a one-line error naming the file.
    static func read(_ path: String) throws -> CSVTable {
        let data: Data
        switch InputFile.read(path, limit: .scoreMatrix) {
        case .success(let read): data = read
        case .failure(let unreadable): throw InputError(message: "\(path): cannot read the spreadsheet: \(unreadable.reason)")
        }
        do {
            return try CSVReader.read(data, fileName: path)
        } catch {
            throw InputError(message: error.description)
        }
    }
}
