import CoachDrillCore
import Foundation

// `make train`, step 1: the features of every corpus line, as the assessor reads them, one JSON object a
// line, for the trainer (Training/train.py) to fit the model's weights to. The features are computed here,
// by the product's own code, so training and judging can never read a line differently.
//
// Usage: coachdrill-features CORPUS.tsv > features.jsonl

struct Row: Encodable {
    var id: String
    var split: String
    var marker: String
    var stance: String
    var features: [String]
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: coachdrill-features CORPUS.tsv > features.jsonl\n".utf8))
    exit(2)
}
guard let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("coachdrill-features: cannot read \(arguments[1]) (run it from the package folder: make train)\n".utf8))
    exit(1)
}
let lines: [LabelledLine]
do {
    lines = try LabelledCorpus.parse(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data((error.located(in: arguments[1]) + "\n").utf8))
    exit(1)
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var output = Data()
for line in lines {
    let names = Set(LineFeatures.of(line.text, clientLine: line.clientLine).map(\.name)).sorted()
    let row = Row(
        id: line.id, split: line.split?.rawValue ?? "", marker: line.marker?.id ?? "none",
        stance: line.stance.rawValue, features: names)
    output.append(try encoder.encode(row))
    output.append(UInt8(ascii: "\n"))
}
FileHandle.standardOutput.write(output)
