using System.Globalization;

namespace Actors.IntegrationTests.Flows;

/// <summary>
/// Which local process holds one end of a loopback TCP connection (Linux: <c>/proc/net/tcp*</c> and
/// <c>/proc/{pid}/fd</c>): the receiver knows a request's caller port, this names the silo that sent it.
/// </summary>
public static class LoopbackSockets
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>
    /// The process among <paramref name="candidates"/> whose socket has local port <paramref name="localPort"/>
    /// and remote port <paramref name="remotePort"/>, or null when none does (any more).
    /// </summary>
    public static int? OwnerOf(int localPort, int remotePort, IEnumerable<int> candidates)
    {
        var inodes = Tables
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[1].Contains(':', StringComparison.Ordinal) && Port(f[1]) == localPort && Port(f[2]) == remotePort)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet(StringComparer.Ordinal);
        if (inodes.Count == 0)
        {
            return null;
        }

        foreach (var pid in candidates)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited, or a descriptor closed while we read the list.
            }
        }

        return null;
    }

    private static int Port(string address) =>
        int.TryParse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port) ? port : -1;
}
