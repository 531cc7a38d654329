// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "appraise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "appraise", targets: ["appraise"]),
        .library(name: "AppraiseKit", targets: ["AppraiseKit"]),
        .library(name: "AppraiseRender", targets: ["AppraiseRender"]),
    ],
    targets: [
        .target(name: "AppraiseKit"),
        .target(name: "AppraiseRender", dependencies: ["AppraiseKit"]),
        .executableTarget(name: "appraise", dependencies: ["AppraiseKit", "AppraiseRender"]),
        .executableTarget(
            name: "appraise-benchmark",
            dependencies: ["AppraiseKit"],
            path: "Benchmarks/Sources/appraise-benchmark"
        ),
        .testTarget(name: "AppraiseKitTests", dependencies: ["AppraiseKit"]),
        .testTarget(name: "AppraiseRenderTests", dependencies: ["AppraiseKit", "AppraiseRender"]),
        .testTarget(
            name: "AppraiseCLITests",
            dependencies: ["AppraiseKit", "AppraiseRender", .target(name: "appraise")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
