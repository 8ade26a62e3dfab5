using System.Diagnostics.CodeAnalysis;

namespace Actors.Grains.Validation;

/// <summary>The result of reading a daily window from the wire: the window, or what is wrong and how to fix it.</summary>
public sealed record DailyWindowParseResult
{
    private DailyWindowParseResult(DailyWindow? window, string? error)
    {
        Window = window;
        Error = error;
    }

    /// <summary>The window when parsing succeeded.</summary>
    public DailyWindow? Window { get; }

    /// <summary>What is wrong and how to fix it, when parsing failed.</summary>
    public string? Error { get; }

    /// <summary>True when there is a window.</summary>
    [MemberNotNullWhen(true, nameof(Window))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static DailyWindowParseResult Ok(DailyWindow window) => new(window, null);

    /// <summary>A failed result.</summary>
    public static DailyWindowParseResult Fail(string error) => new(null, error);
}
