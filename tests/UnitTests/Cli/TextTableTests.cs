using Actors.Cli.Output;

namespace Actors.UnitTests.Cli;

public sealed class TextTableTests
{
    [Fact]
    public void ColumnsAreAlignedTwoSpacesApartWithNoTrailingSpaces()
    {
        var table = new TextTable("ID", "STATUS", "NEXT_RUN")
            .AddRow("a1", "pending", "2026-11-24T08:00:00.000Z")
            .AddRow("b", "paused", "x");

        Assert.Equal(
            "ID  STATUS   NEXT_RUN\n" +
            "a1  pending  2026-11-24T08:00:00.000Z\n" +
            "b   paused   x\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AMissingCellShowsADashAndALineBreakShowsASpace()
    {
        var table = new TextTable("A", "B", "C").AddRow(null, "", "two\nlines");

        Assert.Equal("A  B  C\n-  -  two lines\n", table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void WithoutAHeaderOnlyTheRowsAreWritten()
    {
        var table = new TextTable("field", "value") { ShowHeader = false }.AddRow("status:", "pending").AddRow("round_num:", "3");

        Assert.Equal("status:     pending\nround_num:  3\n", table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ATableWithNoRowsIsJustItsHeader()
    {
        Assert.Equal("ID  STATUS\n", new TextTable("ID", "STATUS").ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ARowWithTheWrongNumberOfCellsIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new TextTable("A", "B").AddRow("only one"));
    }
}
