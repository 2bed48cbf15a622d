import WasmshCLI

// Everything the command line does lives in WasmshCLI (and, below it, the shell library), so
// tests can run each subcommand in-process.
WasmshCommand.main()
