/// `source-dir`: where `list` and line pauses look for source files, besides the paths DWARF
/// gives (which are tried first, from the working directory).
enum SourceDirCommand: ShellCommand {
    static let name = "source-dir"
    static let syntax = CommandSyntax([.optional([.argument(Argument("DIR", .path))])])
    static let summary = "add a directory where source files of DWARF are looked for; alone: list them"
    static let example = "source-dir ../my-skill/src\nsource-dir"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if let directory = arguments["DIR"] {
            var status = stat()
            guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw ShellError("'\(directory)' is not a directory")
            }
            if !session.sources.directories.contains(directory) { session.sources.directories.append(directory) }
            session.sources.forget()
        }
        let directories = session.sources.directories
        session.print(
            directories.isEmpty
                ? "(no source directories: sources are read at the paths their DWARF gives)"
                : "source directories: " + directories.joined(separator: ", "))
    }
}
