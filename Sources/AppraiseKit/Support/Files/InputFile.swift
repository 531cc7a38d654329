import Foundation

/// Reading an input file whole, with a message that says what is wrong when it cannot be read:
/// a named pipe, a device or a folder is named as such (and never read, so a pipe cannot hang
/// the command), rather than blamed on permissions.
public enum InputFile {
    /// Largest inputs read, so that no file can exhaust the machine: each is what its reader
    /// fits in 2 GB, from the peak memory measured per input byte (Benchmarks/README.md).
    public enum Limit: Int, Sendable {
        /// An appraisal file: `validate` peaks at 12–16 times the file (397 MiB for 34 MB).
        case appraisal = 134_217_728
        /// A KPI dataset: `kpi` peaks at about 23 MiB plus 9 times the file (a 30 MB scorecard
        /// of 285,000 rows, 278 MiB), so 200 MiB stays within 2 GiB.
        case dataset = 209_715_200
        /// A score matrix for `init --from-csv`: each cell (two bytes at least, "3,") becomes a
        /// score of the appraisal and of its journal, about 2.8 KB at the peak (768 MiB for a
        /// 1 MB matrix of 280,000 cells).
        case scoreMatrix = 1_048_576

        var text: String { "\(rawValue / 1_048_576) MiB" }
    }

    /// The file's bytes, or why they cannot be read (a phrase such as "no such file; check the path").
    public static func read(_ path: String, limit: Limit = .appraisal) -> Result<Data, Unreadable> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .failure(Unreadable(reason: errno == ENOENT ? "no such file; check the path" : "the file cannot be read: \(String(cString: strerror(errno)))"))
        }
        if let kind = kind(status.st_mode) {
            return .failure(Unreadable(reason: "this is \(kind), not a file; give the path of a file"))
        }
        guard status.st_size <= limit.rawValue else {
            let size = Double(status.st_size) / 1_048_576
            return .failure(Unreadable(reason: "the file is \(Int(size.rounded(.up))) MiB, over the limit of \(limit.text) for this kind of input; split it into smaller files"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Unreadable(reason: "the file cannot be read; check its permissions"))
        }
        return .success(data)
    }

    public struct Unreadable: Error, Sendable, Equatable {
        public let reason: String
    }

    /// What a path that is not a regular file is, in words; nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
