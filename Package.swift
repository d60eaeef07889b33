// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "CoachDrill",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coachdrill", targets: ["coachdrill"]),
        .executable(name: "coachdrill-lrs", targets: ["coachdrill-lrs"]),
        .library(name: "CoachDrillCore", targets: ["CoachDrillCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // The system libedit, reached through non-variadic wrappers (Swift cannot call C varargs).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // Pure domain: markers, the assessor, the scenario model and the engine. No I/O.
        // The cue catalogue is declared in Resources/cues.yaml and compiled in as generated Swift
        // (`make cues`), so the YAML is no resource of the target.
        .target(name: "CoachDrillCore", exclude: ["Resources/cues.yaml"]),
        // Reads Resources/cues.yaml (with located errors) and writes the Swift the catalogue is compiled from.
        .target(name: "CueData", dependencies: [.product(name: "Yams", package: "Yams")]),
        // `make cues`: regenerates the catalogue's Swift from the YAML.
        .executableTarget(name: "coachdrill-cues", dependencies: ["CueData"]),
        // Text on its way to a terminal: control characters shown escaped, display width, wrapping, and
        // the one styling type (NO_COLOR, TERM=dumb, not a terminal: no colour).
        .target(name: "TerminalOutput"),
        // YAML -> Scenario with source locations, diagnostics and lint.
        .target(
            name: "ScenarioFormat",
            dependencies: ["CoachDrillCore", "TerminalOutput", .product(name: "Yams", package: "Yams")]
        ),
        // Reading lines: libedit on a terminal, plain reads on pipes and files.
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        // What `report --lrs` and coachdrill-lrs share: the LRS settings, the URL and credential checks, the
        // failures and the protocol between the two. Foundation only: coachdrill links it.
        .target(name: "LRSDelivery", dependencies: ["TerminalOutput"]),
        // The thin executable. It links no FoundationNetworking, whose 32 libraries tripled its start-up.
        .executableTarget(
            name: "coachdrill",
            dependencies: [
                "CoachDrillCore", "ScenarioFormat", "LineEditor", "TerminalOutput", "LRSDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `report --lrs` runs it to POST the statements (URLSession, so FoundationNetworking); installed beside
        // coachdrill. LRSHelperProtocol in LRSDelivery is the contract.
        .executableTarget(
            name: "coachdrill-lrs",
            dependencies: ["LRSDelivery", "TerminalOutput", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The scenario-loader fuzz target: a corpus replayer normally, a libFuzzer binary under `make fuzz`.
        .executableTarget(name: "coachdrill-fuzz", dependencies: ["CoachDrillCore", "ScenarioFormat"]),
        // `make bench`: a table of named benchmarks (engine, transcripts, reports); see Sources/coachdrill-bench.
        .executableTarget(name: "coachdrill-bench", dependencies: ["CoachDrillCore", "ScenarioFormat"]),
        // `make train`: the features of every corpus line, for the trainer (Training/train.py).
        .executableTarget(name: "coachdrill-features", dependencies: ["CoachDrillCore"]),
        // The start-up floor `make bench` compares against: a Foundation tool that prints one line.
        .executableTarget(name: "bench-floor"),
        // Beside it, the floor of the libraries `coachdrill play` starts with: ArgumentParser and Yams alone.
        .executableTarget(
            name: "bench-library-floor",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "CoachDrillCoreTests", dependencies: ["CoachDrillCore"]),
        .testTarget(name: "ScenarioFormatTests", dependencies: ["ScenarioFormat"]),
        .testTarget(name: "CueDataTests", dependencies: ["CueData", "CoachDrillCore"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "TerminalOutputTests", dependencies: ["TerminalOutput"]),
        .testTarget(name: "LRSDeliveryTests", dependencies: ["LRSDelivery"]),
        // coachdrill-lrs is a dependency so that `swift test` builds it: the LRS tests run coachdrill, which runs it.
        .testTarget(
            name: "CLITests",
            dependencies: ["coachdrill", "coachdrill-lrs", "CoachDrillCore", "ScenarioFormat", "LineEditor"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
