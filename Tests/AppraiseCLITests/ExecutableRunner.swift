import Foundation
import XCTest

/// Runs the real `appraise` executable, built next to the test bundle, and captures what it
/// prints, so CLI tests check exactly what a user sees.
struct ExecutableRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built `appraise` binary beside the test bundle. On macOS the bundle is the
    /// `.xctest` folder inside the build folder; on Linux it is the build folder itself.
    static var executable: URL {
        let bundle = Bundle(for: BundleLocator.self).bundleURL
        let folder = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return folder.appendingPathComponent("appraise")
    }

    /// The package root, so tests can name `appraisals/...` files.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var referenceAppraisal: URL { packageRoot.appendingPathComponent("appraisals/rotherham-ama-2017.json") }

    /// Copies the KPI datasets the reference appraisal cites (`kpi/`) into `folder`, so a copy of
    /// the appraisal placed there still finds its evidence.
    static func copyReferenceDatasets(to folder: URL) throws {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("appraisals/kpi"), to: folder.appendingPathComponent("kpi"))
    }

    /// Runs `appraise` with the arguments in `directory` (default: a fresh temporary folder).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A new empty folder under the system's temporary directory, removed at the end of the test.
    static func temporaryFolder(_ testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

private final class BundleLocator {}
