namespace Actors.Cli;

/// <summary>What the process exit code says; the README and <c>actors --help</c> list them.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The server refused the request (or answered with an error); its problem is on stderr.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong: an unknown command or option, a missing argument, unreadable JSON.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached (nothing listening, or no answer in time).</summary>
    public const int Unreachable = 3;

    /// <summary>The text of <c>--help</c> that explains them.</summary>
    public const string Help = "Exit codes: 0 done, 1 the server refused the request (its problem and every field error on stderr), "
        + "2 bad command line, 3 the server cannot be reached.";
}
