// The nbrun command: parse arguments, run, map outcomes to exit codes. Everything else lives in Runner.
NBRunCommand.main()
