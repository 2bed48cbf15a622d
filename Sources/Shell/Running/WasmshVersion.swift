/// The one version number: `wasmsh --version` and the interactive banner both say it.
public enum WasmshVersion {
    public static let number = "0.1.0"
}
