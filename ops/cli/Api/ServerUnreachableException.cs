namespace Actors.Cli.Api;

/// <summary>The server could not be reached at all: the message is one line for the operator, no stack trace.</summary>
public sealed class ServerUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
