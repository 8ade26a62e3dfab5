namespace Actors.Cli.Commands;

/// <summary>The command line cannot be turned into a request (unreadable JSON, a malformed option value); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
