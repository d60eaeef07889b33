import CueData
import Foundation

// coachdrill-cues [--check]: turns the cue catalogue a coach educator edits,
// Sources/CoachDrillCore/Resources/cues.yaml, into the Swift CoachDrillCore compiles
// (Sources/CoachDrillCore/Assessment/CueCatalogue+Generated.swift). Run from the package folder
// (`make cues` does). With --check it writes nothing and exits 1 when the Swift is out of date.
//
// Whether each cue's examples match is the tests' job (`swift test --filter CueFileTests`): matching is
// CoachDrillCore's, and this tool must build even when the generated Swift does not.

let yamlPath = "Sources/CoachDrillCore/Resources/cues.yaml"
let swiftPath = "Sources/CoachDrillCore/Assessment/CueCatalogue+Generated.swift"

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.allSatisfy({ $0 == "--check" }) else {
    FileHandle.standardError.write(Data("usage: coachdrill-cues [--check]  (run from the package folder)\n".utf8))
    exit(2)
}
let checkOnly = arguments.contains("--check")

guard let data = FileManager.default.contents(atPath: yamlPath) else {
    FileHandle.standardError.write(Data("error: cannot read \(yamlPath); run from the package folder\n".utf8))
    exit(2)
}
let file: CueFile
do {
    file = try CueFileReader(path: yamlPath).read(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let source = SwiftCatalogue.source(of: file, yamlPath: yamlPath)
let current = FileManager.default.contents(atPath: swiftPath).map { String(decoding: $0, as: UTF8.self) }
if current == source {
    print("\(swiftPath) is up to date (\(file.cues.count) cues)")
    exit(0)
}
if checkOnly {
    FileHandle.standardError.write(Data("error: \(swiftPath) is out of date; run `make cues`\n".utf8))
    exit(1)
}
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: swiftPath), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(swiftPath): \(error)\n".utf8))
    exit(1)
}
print("wrote \(swiftPath) (\(file.cues.count) cues)")
