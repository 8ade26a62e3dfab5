using System.Security.Cryptography;
using System.Text;

namespace Actors.Grains.Accounts;

/// <summary>
/// An account's n-th task id, derived rather than random: a create cut off after the task grain
/// saved the task but before the account saved its count is found again by the next create, which
/// derives the same id, so the account needs no reservation write before each create.
/// </summary>
public static class TaskIds
{
    /// <summary>The id of <paramref name="accountId"/>'s <paramref name="sequence"/>-th task (an RFC 9562 version 8 UUID).</summary>
    public static Guid For(string accountId, long sequence)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"actors/task/{accountId}/{sequence}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
