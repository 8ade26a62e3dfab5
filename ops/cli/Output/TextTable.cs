namespace Actors.Cli.Output;

/// <summary>
/// Rows as aligned plain-text columns, two spaces apart, with no border and no trailing spaces, so the
/// output reads well in a terminal and stays easy to grep, cut and diff.
/// </summary>
/// <remarks>
/// Not Spectre.Console's table: that one fits its columns to the terminal's width and wraps cells
/// when it is narrower, which breaks a task id or a run id across lines exactly where a script
/// would read it.
/// </remarks>
public sealed class TextTable(params string[] headers)
{
    /// <summary>What an empty or missing cell shows.</summary>
    public const string Missing = "-";

    private readonly List<string[]> _rows = [];

    /// <summary>Whether the first line names the columns (true for lists, false for one object's fields).</summary>
    public bool ShowHeader { get; init; } = true;

    /// <summary>How many rows have been added.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; a null or empty cell shows as <see cref="Missing"/>, a line break as a space.</summary>
    public TextTable AddRow(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row of this table has {headers.Length} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => string.IsNullOrEmpty(c) ? Missing : c.ReplaceLineEndings(" "))]);
        return this;
    }

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter writer)
    {
        var lines = ShowHeader ? _rows.Prepend(headers).ToList() : _rows;
        var widths = Enumerable.Range(0, headers.Length).Select(c => lines.Count == 0 ? 0 : lines.Max(l => l[c].Length)).ToArray();
        foreach (var line in lines)
        {
            writer.WriteLine(string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter();
        WriteTo(writer);
        return writer.ToString();
    }
}
