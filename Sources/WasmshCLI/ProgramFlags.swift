import ArgumentParser
import Shell

/// The flags `run` and `invoke` share: what the component is granted, what its guest sees, where
/// the audit goes.
struct ProgramFlags: ParsableArguments {
    @Option(
        name: .customLong("grant"),
        help: ArgumentHelp(
            "Grant an imported capability: CAP (an interface, a package such as wasi:random, or a short name such "
                + "as stdout), CAP.FUNC, or CAP=SCOPE[,SCOPE...] (paths; rw:PATH,... for read and write; "
                + "variables; socket uses and addresses such as tcp:connect,127.0.0.1:8080). Repeatable.",
            valueName: "CAP[=SCOPE,...]"))
    var grants: [String] = []

    @Option(
        name: .customLong("env"),
        help: ArgumentHelp(
            "Pass one environment variable (wasmsh's own value, or VALUE), if the component reads its environment. "
                + "Repeatable.",
            valueName: "NAME[=VALUE]"))
    var environment: [String] = []

    @Option(
        name: .customLong("dir"),
        help: ArgumentHelp(
            "Give the guest a directory, read-only unless rw:, seen as GUEST (default: HOST as given), if it "
                + "imports wasi:filesystem. Repeatable.",
            valueName: "[rw:]HOST[::GUEST]"))
    var directories: [String] = []

    @Option(help: ArgumentHelp("The guest's argv[0] (default: FILE as given).", valueName: "NAME"))
    var argv0: String?

    @Option(help: "Apply this permission manifest (TOML) first.")
    var manifest: String?

    @Option(help: "Append every host call's audit records to this JSONL file.")
    var auditLog: String?

    @Option(help: "Resolve relative paths of grants against this directory (default: the working directory).")
    var root: String?

    @Flag(help: "No audit lines or notes on stderr, only errors (--audit-log still records every host call).")
    var quiet = false

    @Argument(parsing: .postTerminator, help: "The guest's arguments (argv[1...]), after --.")
    var arguments: [String] = []

    var options: ProgramOptions {
        var options = ProgramOptions()
        options.grants = grants
        options.environment = environment
        options.directories = directories
        options.argv0 = argv0
        options.arguments = arguments
        options.manifest = manifest
        options.auditLog = auditLog
        options.root = root
        options.quiet = quiet
        return options
    }
}
