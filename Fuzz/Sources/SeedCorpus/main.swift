// Writes the hand-made seeds of the fuzz corpus (see HandMadeComponents) into the folder
// given as the only argument: `swift run --scratch-path .build-seeds SeedCorpus corpus`.
import Foundation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: SeedCorpus FOLDER\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1])
// Small versions of the pathological shapes: enough to reach every limit, cheap to mutate.
let seeds: [(name: String, bytes: [UInt8])] = [
    ("deep-list-types", HandMadeComponents.deepListTypes(depth: 150)),
    ("exponential-tuple-types", HandMadeComponents.exponentialTupleTypes(levels: 24)),
    ("long-alias-chain", HandMadeComponents.aliasChain(length: 150)),
    ("self-instantiating", HandMadeComponents.selfInstantiating()),
    ("exponential-instantiation", HandMadeComponents.exponentialInstantiation(levels: 16)),
    ("many-uses-of-a-large-type", HandMadeComponents.manyUsesOfALargeType(levels: 12, imports: 200)),
    ("empty-component", ComponentBytes.component([])),
]
for (name, bytes) in seeds {
    let file = folder.appendingPathComponent("hand-made-\(name).wasm")
    try Data(bytes).write(to: file)
    print("wrote \(file.path) (\(bytes.count) bytes)")
}
