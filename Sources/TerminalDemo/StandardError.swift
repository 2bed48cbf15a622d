import TerminalUI

/// Writes a line to standard error.
func printError(_ message: String) {
    DescriptorWriter.write(message + "\n", to: 2)
}
