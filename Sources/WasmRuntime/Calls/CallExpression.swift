import WasmComponent

/// A parsed `name(args)` call against one loaded component: the export it names and its
/// arguments, type-checked against the export's WIT signature.
public struct CallExpression {
    public var export: ExportedFunction
    public var arguments: [ComponentValue]

    public init(
        _ text: String, in component: LoadedComponent, variables: WAVEParser.VariableLookup? = nil
    ) throws {
        let call = try WAVECall.parse(text)
        let export = try component.resolve(call.target)
        self.export = export
        self.arguments = try call.parseArguments(parameters: export.type.parameters, variables: variables)
    }

    /// The result as `wasmtime run --invoke` prints it; nil for a function without a result.
    public static func format(_ result: ComponentValue?, of export: ExportedFunction) -> String? {
        guard let result, let type = export.type.result else { return nil }
        return WAVEFormatter.format(result, as: type)
    }
}
